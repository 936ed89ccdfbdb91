import Foundation
@testable import MockRouter
import RouterOSAPI
import Testing

/// Whose revert is whose: an apply confirms only its own, a second confirmed apply waits until
/// the first is confirmed, `rosplay confirm` names what it disarms, and a revert script left
/// without its scheduler entry (an orphan) is found and removed, never left silently.
@Suite(.timeLimit(.minutes(15))) struct RevertOwnershipTests {
    func confirm(_ runner: CLIRunner, _ extra: [String] = []) async -> CLIRunner.Result {
        await CLIRunner.run(["confirm", "--router", "127.0.0.1:\(runner.server.apiSSLPort!)", "--user", CLIRunner.user.name,
                             "--password-file", runner.passwordFile, "--no-certificate"] + extra)
    }

    @Test func aConfirmedApplyIsRefusedWhileAnotherRevertIsArmedUntilThatOneIsConfirmed() async throws {
        let runner = try await CLIRunner.start()
        let first = await runner.rosplay("apply", ["relay.yaml"], ["--yes", "--confirm-within", "10m", "--manual-confirm"])
        #expect(first.status == 0, "\(first.all)")
        let armed = try #require(runner.revertEntries().scheduler.first)
        let before = runner.deviceSnapshot()
        let second = await runner.rosplay("apply", ["confirm.yaml"], ["--yes", "--confirm-within", "10m"])
        #expect(second.status == 1, "\(second.all)")
        #expect(second.stderr.contains("another revert is armed on the router (\(armed), fires at "), "\(second.stderr)")
        #expect(second.stderr.contains("rosplay confirm --name \(armed)"), "\(second.stderr)")
        #expect(runner.deviceSnapshot() == before, "the refused apply changed the router")
        let confirmed = await confirm(runner)
        #expect(confirmed.status == 0, "\(confirmed.all)")
        #expect(confirmed.stdout.contains("Confirmed: disarmed \(armed), which was to fire at "), "\(confirmed.stdout)")
        let again = await runner.rosplay("apply", ["confirm.yaml"], ["--yes", "--confirm-within", "10m"])
        #expect(again.status == 0, "\(again.all)")
        #expect(runner.revertEntries() == ([], []))
        try await runner.stop()
    }

    @Test func anAutomaticConfirmRemovesOnlyItsOwnRevert() async throws {
        // Slow enough that the test adds another revert while the apply runs.
        let runner = try await CLIRunner.start(faults: FaultInjection(serviceTime: .milliseconds(20)))
        let apply = runner.launch("apply", ["confirm.yaml"], ["--yes", "--confirm-within", "10m"])
        let own = try #require(try await runner.waitForArmedRevert())
        runner.addRevert("rosplay-revert-other")
        let result = await apply.finish()
        #expect(result.status == 0, "\(result.all)")
        #expect(result.stdout.contains("Confirmed over a new connection: the revert is disarmed."), "\(result.stdout)")
        #expect(!runner.revertEntries().scheduler.contains(own))
        #expect(runner.revertEntries() == (["rosplay-revert-other"], ["rosplay-revert-other"]))
        try await runner.stop()
    }

    @Test func confirmDisarmsTheNamedRevertOrEveryOneNamingEach() async throws {
        let runner = try await CLIRunner.start()
        runner.addRevert("rosplay-revert-one", start: ("2099-01-01", "10:00:00"))
        runner.addRevert("rosplay-revert-two", start: ("2099-01-02", "11:00:00"))
        let named = await confirm(runner, ["--name", "rosplay-revert-two"])
        #expect(named.status == 0, "\(named.all)")
        #expect(named.stdout == "Confirmed: disarmed rosplay-revert-two, which was to fire at 2099-01-02 11:00:00 (router time).\n", "\(named.all)")
        #expect(runner.revertEntries() == (["rosplay-revert-one"], ["rosplay-revert-one"]))
        let unknown = await confirm(runner, ["--name", "rosplay-revert-two"])
        #expect(unknown.status == 1, "\(unknown.all)")
        #expect(unknown.stderr.contains("no revert named rosplay-revert-two is armed"), "\(unknown.stderr)")
        #expect(unknown.stderr.contains("rosplay-revert-one"), "\(unknown.stderr)")
        runner.addRevert("rosplay-revert-three", start: ("2099-01-03", "12:00:00"))
        let all = await confirm(runner)
        #expect(all.status == 0, "\(all.all)")
        #expect(all.stdout.contains("Confirmed: disarmed rosplay-revert-one, which was to fire at 2099-01-01 10:00:00 (router time)."), "\(all.stdout)")
        #expect(all.stdout.contains("Confirmed: disarmed rosplay-revert-three, which was to fire at 2099-01-03 12:00:00 (router time)."), "\(all.stdout)")
        #expect(runner.revertEntries() == ([], []))
        try await runner.stop()
    }

    @Test func anOrphanRevertScriptIsNotedByPlanAndRemovedByConfirm() async throws {
        let runner = try await CLIRunner.start()
        runner.addRevert("rosplay-revert-orphan", scheduled: false)
        let plan = await runner.rosplay("plan")
        #expect(plan.stderr.contains("rosplay-revert-orphan"), "\(plan.stderr)")
        #expect(plan.stderr.contains("rosplay confirm removes it"), "\(plan.stderr)")
        let confirmed = await confirm(runner)
        #expect(confirmed.status == 1, "\(confirmed.all)")
        #expect(confirmed.stdout.contains("Removed rosplay-revert-orphan, a revert script without its scheduler entry"), "\(confirmed.all)")
        #expect(confirmed.stderr.contains("no rosplay revert is armed"), "\(confirmed.stderr)")
        #expect(runner.revertEntries() == ([], []))
        try await runner.stop()
    }

    /// Cut at every sentence up to the first change: arming is all or nothing, so no case leaves
    /// a revert script behind, and one that removed it says so.
    @Test func aDropWhileArmingLeavesNoRevertScriptBehind() async throws {
        var cases = 0, cleaned = 0, reachedTheApply = false
        for sentences in 1...80 {
            let runner = try await CLIRunner.start(faults: FaultInjection(dropAfterSentences: sentences))
            let before = runner.deviceSnapshot()
            let apply = await runner.rosplay("apply", ["confirm.yaml"], ["--yes", "--confirm-within", "10m"])
            cases += 1
            let label = "drop after \(sentences)"
            if apply.stderr.contains("level 1/") {
                reachedTheApply = true
                try await runner.stop()
                break
            }
            #expect(apply.status == 1, "\(label): \(apply.all)")
            #expect(runner.deviceSnapshot() == before, "\(label): the router changed: \(apply.all)")
            if apply.stderr.contains("removed the revert script") { cleaned += 1 }
            try await runner.stop()
        }
        print("arming cut at \(cases) sentence(s), \(cleaned) revert script(s) removed over a new connection")
        #expect(reachedTheApply, "no drop point reached the apply")
        #expect(cleaned > 0, "no drop point fell between adding the script and scheduling it")
    }
}
