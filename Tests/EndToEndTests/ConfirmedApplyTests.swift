import Foundation
@testable import MockRouter
import RouterOSAPI
import Testing

/// `apply --confirm-within`: the router reverts by itself unless rosplay confirms over a new
/// connection; `rosplay confirm` keeps the change; the lock-out guard refuses plans that cut
/// rosplay's own session.
@Suite(.timeLimit(.minutes(15))) struct ConfirmedApplyTests {
    /// Three rules of someone else's in chain `mine`, in the order A, B, C.
    static func seedRules(_ device: RouterDevice) {
        for name in ["A", "B", "C"] {
            _ = device.execute(Command("/ip/firewall/filter/add", ["chain": "mine", "action": "accept", "comment": name]), as: CLIRunner.user)
        }
    }

    static func withoutIDs(_ snapshot: [String: [[String: String]]]) -> [String: [[String: String]]] {
        snapshot.mapValues { rows in rows.map { $0.filter { $0.key != ".id" } } }
    }

    /// Polls until the router's configuration equals `expected` (or the deadline passes: long
    /// enough for the longest window ``CLIRunner/confirmedApply(_:window:_:)`` may have asked for).
    static func waitUntil(_ runner: CLIRunner, equals expected: [String: [[String: String]]], within seconds: Int = 300) async throws -> Bool {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < deadline {
            if withoutIDs(try await runner.fullSnapshot()) == expected { return true }
            try await Task.sleep(for: .milliseconds(250))
        }
        return false
    }

    @Test func anUnconfirmedApplyIsUndoneByTheRouterItselfFirewallOrderIncluded() async throws {
        let runner = try await CLIRunner.start()
        Self.seedRules(runner.server.device)
        let before = Self.withoutIDs(try await runner.fullSnapshot())
        let apply = await runner.confirmedApply(["confirm.yaml"], window: "10s", ["--manual-confirm"])
        #expect(apply.status == 0, "\(apply.all)")
        #expect(apply.stdout.contains("A revert is armed: at "), "\(apply.stdout)")
        #expect(apply.stdout.contains("Verified: the router matches the playbooks."))
        // While armed, the change is there and every look at the router says when it goes.
        let drift = await runner.rosplay("drift", ["confirm.yaml"])
        #expect(drift.status == 0, "\(drift.all)")
        #expect(drift.stderr.contains("a revert is armed on"), "\(drift.stderr)")
        let json = await runner.rosplay("drift", ["confirm.yaml"], ["--json"])
        #expect(json.stdout.contains("\"armedReverts\" : [\n    {\n      \"firesAt\""), "\(json.stdout)")
        // Nobody confirms: the router puts back every rule, in its old place, and removes the revert.
        #expect(try await Self.waitUntil(runner, equals: before), "the router did not revert to the state before the apply")
        try await runner.stop()
    }

    @Test func aConfirmThatCannotReachTheRouterLeavesTheRevertToTheRouter() async throws {
        // One session at a time: the apply's own is open when it tries a new one to confirm.
        let runner = try await CLIRunner.start(faults: FaultInjection(maxSessions: 1))
        Self.seedRules(runner.server.device)
        let before = Self.withoutIDs(try await runner.fullSnapshot())
        let apply = await runner.confirmedApply(["confirm.yaml"], window: "10s")
        #expect(apply.status == 1, "\(apply.all)")
        #expect(apply.stderr.contains("could not confirm over a new connection"), "\(apply.stderr)")
        #expect(apply.stderr.contains("the router undoes this apply by itself at"), "\(apply.stderr)")
        #expect(try await Self.waitUntil(runner, equals: before), "the router did not revert to the state before the apply")
        try await runner.stop()
    }

    @Test func confirmedChangesStayAndConfirmDisarmsAManualOne() async throws {
        let runner = try await CLIRunner.start()
        Self.seedRules(runner.server.device)
        // Confirmed over a new connection at once: nothing is left armed.
        // (Windows long enough that a loaded machine cannot let the revert fire first.)
        let apply = await runner.confirmedApply(["confirm.yaml"], window: "60s")
        #expect(apply.status == 0, "\(apply.all)")
        #expect(apply.stdout.contains("Confirmed over a new connection: the revert is disarmed."), "\(apply.stdout)")
        #expect(try await runner.fullSnapshot()["/system/scheduler"]?.isEmpty == true)
        #expect(await runner.rosplay("drift", ["confirm.yaml"]).status == 0)
        let identity = await runner.confirmedApply(["relay.yaml"], window: "60s", ["--manual-confirm"])
        #expect(identity.status == 0, "\(identity.all)")
        let confirm = await CLIRunner.run(["confirm", "--router", "127.0.0.1:\(runner.server.apiSSLPort!)", "--user", CLIRunner.user.name,
                                           "--password-file", runner.passwordFile, "--no-certificate"])
        #expect(confirm.status == 0, "\(confirm.all)")
        #expect(confirm.stdout.contains("Confirmed: disarmed rosplay-revert-"), "\(confirm.stdout)")
        let snapshot = try await runner.fullSnapshot()
        #expect(snapshot["/system/scheduler"]?.isEmpty == true && snapshot["/system/script"]?.isEmpty == true)
        #expect(await runner.rosplay("drift", ["relay.yaml"]).status == 0)
        let again = await CLIRunner.run(["confirm", "--router", "127.0.0.1:\(runner.server.apiSSLPort!)", "--user", CLIRunner.user.name,
                                         "--password-file", runner.passwordFile, "--no-certificate"])
        #expect(again.status == 1)
        #expect(again.stderr.contains("no rosplay revert is armed"), "\(again.stderr)")
        try await runner.stop()
    }

    @Test func aRouterWhoseDeviceModeForbidsTheSchedulerIsRefusedBeforeAnyChange() async throws {
        let runner = try await CLIRunner.start(deviceMode: DeviceMode(scheduler: false))
        let before = try await runner.fullSnapshot()
        let apply = await runner.confirmedApply(["confirm.yaml"], window: "1m")
        #expect(apply.status == 1, "\(apply.all)")
        #expect(apply.stderr.contains("device-mode has the scheduler disabled"), "\(apply.stderr)")
        #expect(try await runner.fullSnapshot() == before)
        try await runner.stop()
    }

    @Test func aPlanThatCutsTheManagementSessionIsRefusedUnlessTheRouterCanRevert() async throws {
        let runner = try await CLIRunner.start()
        let before = try await runner.fullSnapshot()
        let refused = await runner.rosplay("apply", ["lockout.yaml"], ["--yes"])
        #expect(refused.status == 1, "\(refused.all)")
        #expect(refused.stderr.contains("refusing to apply: the plan would cut the session from 127.0.0.1 via api-ssl"), "\(refused.stderr)")
        #expect(refused.stderr.contains("set /ip/service"), "\(refused.stderr)")
        #expect(refused.stderr.contains("--confirm-within"), "\(refused.stderr)")
        #expect(try await runner.fullSnapshot() == before)
        try await runner.stop()
    }
}
