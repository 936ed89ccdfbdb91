import Foundation
@testable import MockRouter
import RouterOSAPI
import Testing

/// `apply --confirm-within` against the clock: a window too short for the plan is refused before
/// any change, and an apply that runs into its revert's time hands over to the revert instead of
/// racing it. Whatever the timing, the router ends in its old state or the new one, no revert is
/// left behind, and rosplay never says a revert that has run is still armed.
@Suite(.timeLimit(.minutes(15))) struct ConfirmWindowTests {
    /// A router that takes 20 ms a command: rosplay's verify and confirm come a few commands after
    /// the last change lands, time enough to hold rosplay (SIGSTOP) before them.
    static let slowableRouter = FaultInjection(serviceTime: .milliseconds(20))

    /// A window rosplay accepts for confirm.yaml on `runner` (its rules seeded here) now, in seconds: what it asks for when
    /// given too short a one (measured against this router, on this machine, under its present
    /// load), tripled, and never under 15 s. Fixed windows broke on a loaded machine, where the
    /// rule rightly asks for more.
    static func acceptedWindow(on runner: CLIRunner) async throws -> Int {
        ConfirmedApplyTests.seedRules(runner.server.device)
        let refused = await runner.rosplay("apply", ["confirm.yaml"], ["--yes", "--confirm-within", "1s"])
        let asked = try #require(refused.stderr.components(separatedBy: "pass at least --confirm-within ").last
            .flatMap { Int($0.prefix { $0.isNumber }) }, "\(refused.all)")
        return max(15, asked * 3)
    }

    @Test(arguments: [("2s", 200), ("5s", 0)])
    func aWindowTooShortForThePlanIsRefusedBeforeAnyChange(window: String, serviceMilliseconds: Int) async throws {
        let runner = try await CLIRunner.start(faults: FaultInjection(serviceTime: .milliseconds(serviceMilliseconds)))
        ConfirmedApplyTests.seedRules(runner.server.device)
        let before = runner.deviceSnapshot()
        let apply = await runner.rosplay("apply", ["confirm.yaml"], ["--yes", "--confirm-within", window])
        #expect(apply.status == 1, "\(apply.all)")
        #expect(apply.stderr.contains("--confirm-within: \(window) is too short for this plan"), "\(apply.stderr)")
        #expect(apply.stderr.contains("pass at least --confirm-within "), "\(apply.stderr)")
        #expect(!apply.stderr.contains("level 1/"), "\(apply.stderr)")
        #expect(runner.deviceSnapshot() == before, "the router changed")
        try await runner.stop()
    }

    /// Once the revert is armed the router stalls: for two thirds of the window (its time comes
    /// while the apply waits, and rosplay runs it itself) or for 5 s past it (it fires while
    /// rosplay's first commands wait, and they land after it). Either way rosplay sends nothing
    /// more, and ends with the router as before.
    @Test(arguments: [(false, "running it now"), (true, "the router ran it at ")])
    func anApplyThatRunsIntoItsRevertTimeHandsOverToTheRevertAndEndsInTheOldState(pastTheWindow: Bool, said: String) async throws {
        let probe = try await CLIRunner.start()
        let window = try await Self.acceptedWindow(on: probe)
        try await probe.stop()
        let stallSeconds = pastTheWindow ? window + 5 : window * 2 / 3
        let stall = FaultInjection.Stall(after: "/system/scheduler/add", duration: .seconds(stallSeconds))
        let runner = try await CLIRunner.start(faults: FaultInjection(stall: stall))
        ConfirmedApplyTests.seedRules(runner.server.device)
        let before = ConfirmedApplyTests.withoutIDs(runner.deviceSnapshot())
        // Commands wait out the stall rather than time out: this is about the revert's time, not a silent router.
        let result = await runner.rosplay("apply", ["confirm.yaml"], ["--yes", "--confirm-within", "\(window)s", "--timeout", "\(stallSeconds + 60)s"])
        #expect(result.status == 1, "\(result.all)")
        #expect(!result.all.contains("stays armed"), "\(result.all)")
        #expect(result.stderr.contains("the revert on the router is due"), "\(result.stderr)")
        #expect(result.stderr.contains(said), "\(result.stderr)")
        #expect(!result.stderr.contains("level 3/"), "sent on past the revert's time: \(result.stderr)")
        #expect(result.stdout.contains("Nothing of this apply remains on the router."), "\(result.stdout)")
        #expect(result.stdout.contains(", 0 not undone, 0 uncertain"), "\(result.stdout)")
        #expect(ConfirmedApplyTests.withoutIDs(runner.deviceSnapshot()) == before, "the router is not in its old state")
        #expect(runner.revertEntries() == ([], []))
        try await runner.stop()
    }

    @Test func aRevertThatFiresWhileVerifyingOrConfirmingIsReportedAsRunNotConfirmed() async throws {
        let runner = try await CLIRunner.start(faults: Self.slowableRouter)
        let window = try await Self.acceptedWindow(on: runner)
        let before = ConfirmedApplyTests.withoutIDs(runner.deviceSnapshot())
        let apply = runner.launch("apply", ["confirm.yaml"], ["--yes", "--confirm-within", "\(window)s", "--timeout", "\(window + 60)s"])
        // Once everything has landed, rosplay is held (SIGSTOP) while its verify or confirm is
        // still to come, until the revert has fired and removed itself; then it goes on. (A flood
        // of commands did this before, but on a loaded machine it came too late.)
        let deadline = ContinuousClock.now + .seconds(60 + window)
        while !Self.fullyApplied(runner), ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(2)) }
        apply.send(SIGSTOP)
        while runner.revertEntries() != ([], []), ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(100)) }
        apply.send(SIGCONT)
        let result = await apply.finish()
        #expect(result.status == 1, "\(result.all)")
        #expect(!result.all.contains("Confirmed"), "\(result.all)")
        #expect(!result.all.contains("stays armed"), "\(result.all)")
        #expect(result.stderr.contains("the router undid this apply"), "\(result.stderr)")
        #expect(try await Self.waitUntil(runner, equals: before), "the router is not in its old state")
        #expect(runner.revertEntries() == ([], []))
        try await runner.stop()
    }

    /// The router holds confirm.yaml's end state: its three filter rules and the new identity
    /// (two prints on the device itself, so the look is quick however busy the machine).
    static func fullyApplied(_ runner: CLIRunner) -> Bool {
        func rows(_ menu: String) -> [Reply] {
            runner.server.device.execute(Command(menu + "/print"), as: CLIRunner.user).replies.filter { $0.kind == .re }
        }
        return rows("/ip/firewall/filter").count == 3
            && rows("/system/identity").first?.attributes.first { $0.name == "name" }?.value.string == "confirmed"
    }

    /// Polls the device until its configuration (without `.id`s) equals `expected`.
    static func waitUntil(_ runner: CLIRunner, equals expected: [String: [[String: String]]], within seconds: Int = 30) async throws -> Bool {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < deadline {
            if ConfirmedApplyTests.withoutIDs(runner.deviceSnapshot()) == expected { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return false
    }
}
