import Foundation
@testable import MockRouter
import RouterModel
import RouterOSAPI
import Testing

/// Every playbook in `Playbooks/`, its apply cut at every sentence: afterwards the router holds
/// the old state or the new one, unrelated entries are never touched, and a plain re-run
/// converges; the same for a confirmed apply (`--confirm-within`), which also leaves no revert
/// behind. Each case is asserted, none is skipped, and the last one is the apply run through.
@Suite(.timeLimit(.minutes(15))) struct FaultMatrixTests {
    /// Entries of someone else's, put on the router before the apply without a session (the
    /// mock drops only its first session, which must be rosplay's).
    static func seedUnrelated(_ device: RouterDevice) {
        for number in 1...3 {
            _ = device.execute(Command("/ip/firewall/address-list/add", ["list": "unrelated", "address": "198.18.0.\(number)"]), as: CLIRunner.user)
        }
        // In a table no playbook manages exclusively (an exclusive one removes what it does not name).
        _ = device.execute(Command("/ip/firewall/raw/add", ["chain": "prerouting", "action": "passthrough", "comment": "unrelated rule"]), as: CLIRunner.user)
    }

    static func unrelated(_ snapshot: [String: [[String: String]]]) -> [[String: String]] {
        (snapshot["/ip/firewall/address-list"] ?? []).filter { $0["list"] == "unrelated" }
            + (snapshot["/ip/firewall/raw"] ?? []).filter { $0["comment"] == "unrelated rule" }
    }

    static func withoutIDs(_ snapshot: [String: [[String: String]]]) -> [String: [[String: String]]] {
        snapshot.mapValues { rows in rows.map { $0.filter { $0.key != ".id" && $0.key != "public-key" && $0.key != "private-key" } } }
    }

    @Test(arguments: SeedPlaybookTests.playbooks)
    func aDropAtEverySentenceLeavesTheOldStateTheNewOneOrWhatTheReportLists(name: String) async throws {
        let path = SeedPlaybookTests.directory + "/" + name
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let board: Board = text.contains("board: CHR") || text.contains("board: \"CHR\"") ? .chr : .rb5009
        try await runMatrix(name, path: path, board: board, environment: try SeedPlaybookTests.environment)
    }

    /// The confirmed-apply fixture moves, changes and removes firewall rules (every defconf one):
    /// cut at every sentence, each undo puts every rule back with its values in its place.
    @Test func aDropAtEverySentenceOfMovesChangesAndRemovesRestoresTheFirewallInOrder() async throws {
        try await runMatrix("confirm.yaml", path: CLIRunner.fixtures + "/confirm.yaml", board: .rb5009, environment: [:],
                            seed: ConfirmedApplyTests.seedRules)
    }

    func runMatrix(_ name: String, path: String, board: Board, environment: [String: String],
                   seed: (RouterDevice) -> Void = { _ in }) async throws {
        let pristine = try await CLIRunner.start(board: board)
        seed(pristine.server.device)
        Self.seedUnrelated(pristine.server.device)
        let before = Self.withoutIDs(try await pristine.fullSnapshot())
        try await pristine.stop()

        var cases = 0, undone = 0, verifyCut = 0, completed = false
        for sentences in 1...400 {
            let runner = try await CLIRunner.start(board: board, faults: FaultInjection(dropAfterSentences: sentences))
            seed(runner.server.device)
            Self.seedUnrelated(runner.server.device)
            func rosplay(_ command: String) async -> CLIRunner.Result {
                await CLIRunner.run([command, path, "--router", "127.0.0.1:\(runner.server.apiSSLPort!)", "--user", CLIRunner.user.name,
                                     "--password-file", runner.passwordFile, "--no-certificate"] + (command == "apply" ? ["--yes"] : []),
                                    environment: environment)
            }
            let apply = await rosplay("apply")
            cases += 1
            let after = Self.withoutIDs(try await runner.fullSnapshot())
            let label = "\(name), drop after \(sentences)"
            #expect(Self.unrelated(after) == Self.unrelated(before), "\(label): unrelated entries changed")
            if apply.status == 0 {
                // The first session outlived the apply: the matrix for this playbook is complete.
                completed = true
                try await runner.stop()
                break
            }
            #expect(apply.status == 1, "\(label): \(apply.all)")
            if apply.stdout.contains("Apply stopped:") {
                // Cut mid-apply: the report's counts are exact and the router is as before.
                #expect(apply.stdout.contains("Nothing of this apply remains on the router."), "\(label): \(apply.stdout)")
                #expect(apply.stdout.contains(", 0 not undone, 0 uncertain"), "\(label): \(apply.stdout)")
                #expect(after == before, "\(label): the router differs from before")
                if apply.stdout.contains(" undone ") { undone += 1 }
            } else if after != before {
                // Cut while verifying: everything was applied, so a plan finds nothing to do.
                verifyCut += 1
                #expect(apply.stderr.contains("applied, but could not verify"), "\(label): \(apply.stderr)")
                let plan = await rosplay("plan")
                #expect(plan.stdout.contains("No changes"), "\(label): \(plan.all)")
            } else {
                // Cut before the first change (while reading): nothing happened.
                #expect(!apply.stdout.contains("Applied"), "\(label): \(apply.all)")
            }
            let rerun = await rosplay("apply")
            #expect(rerun.status == 0, "\(label): the re-run did not converge: \(rerun.all)")
            try await runner.stop()
        }
        print("fault matrix: \(name): \(cases) drop points, \(undone) undone over a new connection, \(verifyCut) cut while verifying")
        #expect(completed, "\(name): no drop point up to 400 let the apply run through")
        #expect(cases > 1 && undone > 0, "\(name): no drop point fell inside the apply")
    }

    /// The confirmed-apply fixture with `--confirm-within`, cut at every sentence of its first
    /// session (reading, arming, applying, verifying; the confirm uses a new one): once a revert
    /// left armed has fired, the router holds the old state or the new one, no `rosplay-revert-*`
    /// script or scheduler entry is left, and what rosplay said matches which.
    @Test func aConfirmedApplyCutAtEverySentenceEndsOldOrNewWithNoRevertLeftBehind() async throws {
        let path = CLIRunner.fixtures + "/confirm.yaml"
        func seeded(_ faults: FaultInjection) async throws -> CLIRunner {
            let runner = try await CLIRunner.start(faults: faults)
            ConfirmedApplyTests.seedRules(runner.server.device)
            Self.seedUnrelated(runner.server.device)
            return runner
        }
        let pristine = try await seeded(FaultInjection())
        let old = Self.withoutIDs(pristine.deviceSnapshot())
        #expect(await pristine.rosplay("apply", [path], ["--yes"]).status == 0)
        let new = Self.withoutIDs(pristine.deviceSnapshot())
        try await pristine.stop()

        var cases = 0, undone = 0, leftArmed = 0, beforeAnyChange = 0, completed = false
        for sentences in 1...400 {
            let runner = try await seeded(FaultInjection(dropAfterSentences: sentences))
            let apply = await runner.rosplay("apply", [path], ["--yes", "--confirm-within", "10s"])
            cases += 1
            let label = "confirm.yaml --confirm-within, drop after \(sentences)"
            let armed = !runner.revertEntries().scheduler.isEmpty
            if armed {
                // Left to the router, which must say so: wait out the window.
                leftArmed += 1
                #expect(apply.stderr.contains("the revert stays armed: the router undoes this apply at"), "\(label): \(apply.all)")
                let deadline = ContinuousClock.now + .seconds(40)
                while runner.revertEntries() != ([], []), ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(100)) }
            }
            let after = Self.withoutIDs(runner.deviceSnapshot())
            #expect(after == old || after == new, "\(label): the router is in neither the old state nor the new one: \(apply.all)")
            #expect(runner.revertEntries() == ([], []), "\(label): a revert is left behind: \(runner.revertEntries())")
            if apply.status == 0 {
                completed = true
                #expect(apply.stdout.contains("Confirmed over a new connection: the revert is disarmed."), "\(label): \(apply.stdout)")
                #expect(after == new, "\(label): confirmed, but the router does not hold the new state")
                try await runner.stop()
                break
            }
            #expect(apply.status == 1, "\(label): \(apply.all)")
            #expect(after == old, "\(label): failed, but the router does not hold the old state: \(apply.all)")
            if apply.stdout.contains("Apply stopped:") {
                undone += 1
                #expect(apply.stdout.contains("Nothing of this apply remains on the router."), "\(label): \(apply.stdout)")
                #expect(apply.stderr.contains("the revert was removed"), "\(label): \(apply.stderr)")
            } else if !armed {
                beforeAnyChange += 1
                #expect(!apply.stderr.contains("level 1/"), "\(label): \(apply.all)")
            }
            try await runner.stop()
        }
        print("fault matrix: confirm.yaml --confirm-within: \(cases) drop points: \(beforeAnyChange) before any change, "
            + "\(undone) undone, \(leftArmed) left to the router's revert, 1 confirmed")
        #expect(completed, "no drop point up to 400 let the confirmed apply run through")
        #expect(undone > 0 && leftArmed > 0 && beforeAnyChange > 0, "some kind of drop point was never reached")
    }
}

/// The router restarts mid-apply and comes back with other entries under the same `.id`s, or
/// rosplay itself is killed: nothing of anyone else's is touched, and a re-run converges.
@Suite(.timeLimit(.minutes(15))) struct RestartAndKillTests {
    /// A playbook of `count` firewall rules: one wave, at most 1,000 in flight at once.
    static func rules(_ count: Int, chain: String) throws -> String {
        var yaml = "menus:\n  /ip/firewall/filter:\n"
        for number in 0..<count { yaml += "    - { chain: \(chain), action: accept, comment: \"\(chain) \(number)\" }\n" }
        let path = NSTemporaryDirectory() + "rosplay-restart-\(UUID().uuidString).yaml"
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// A router that takes 2 ms a command: 1,000 rules keep it busy for 2 s however fast the
    /// machine, and the test sees their first few on the device itself, at once.
    static let busyRouter = FaultInjection(latency: .milliseconds(25), serviceTime: .milliseconds(2))

    @Test func aRouterThatRestartsWithOtherEntriesLosesNoneOfThemToTheUndo() async throws {
        // Time enough to pull the router away under the apply, even on a loaded machine.
        let first = try await CLIRunner.start(faults: Self.busyRouter)
        let port = first.server.apiSSLPort!
        let playbook = try Self.rules(1_000, chain: "mine")
        let apply = first.launch("apply", [playbook], ["--yes", "--reconnect-within", "30s"])
        let deadline = ContinuousClock.now + .seconds(60)
        while first.rules(inChain: "mine") < 20, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(5)) }
        // The router goes away mid-apply and comes back on the same port with other rules, which
        // get the `.id`s rosplay's rules had.
        try await first.server.stop()
        let second = try await MockRouterServer.start(MockRouterConfiguration(
            apiSSLPort: port, apiPort: 0, tls: .anonymous, users: [CLIRunner.user], routerOSVersion: RouterOSVersion("7.20.8")!))
        for number in 0..<50 {
            _ = second.device.execute(Command("/ip/firewall/filter/add", ["chain": "theirs", "action": "drop", "comment": "theirs \(number)"]), as: CLIRunner.user)
        }
        let restarted = CLIRunner(server: second, passwordFile: first.passwordFile)
        let before = try await restarted.fullSnapshot()
        let result = await apply.finish()
        #expect(result.status == 1, "\(result.all)")
        #expect(result.stderr.contains("reconnected (attempt"), "\(result.stderr)")
        #expect(result.stdout.contains("Nothing of this apply remains on the router."), "\(result.stdout)")
        #expect(result.stdout.contains("0 undone, 0 not undone, 0 uncertain"), "\(result.stdout)")
        #expect(try await restarted.fullSnapshot() == before, "the undo touched the restarted router")
        #expect(restarted.rules(inChain: "theirs") == 50)
        #expect(await restarted.rosplay("apply", [playbook], ["--yes"]).status == 0)
        try await restarted.stop()
        try? FileManager.default.removeItem(atPath: playbook)
    }

    @Test(arguments: [10, 60, 150])
    func sigkillAtAnyPointLeavesWhatARerunConvergesFrom(after rules: Int) async throws {
        let runner = try await CLIRunner.start(faults: Self.busyRouter)
        FaultMatrixTests.seedUnrelated(runner.server.device)
        let unrelated = FaultMatrixTests.unrelated(FaultMatrixTests.withoutIDs(try await runner.fullSnapshot()))
        let playbook = try Self.rules(1_000, chain: "mine")
        let apply = runner.launch("apply", [playbook], ["--yes"])
        let deadline = ContinuousClock.now + .seconds(60)
        while runner.rules(inChain: "mine") < rules, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(5)) }
        apply.send(SIGKILL)
        let killed = await apply.finish()
        #expect(killed.status == SIGKILL || killed.status == 9, "\(killed.status)")
        #expect(FaultMatrixTests.unrelated(FaultMatrixTests.withoutIDs(try await runner.fullSnapshot())) == unrelated)
        let rerun = await runner.rosplay("apply", [playbook], ["--yes"])
        #expect(rerun.status == 0, "\(rerun.all)")
        #expect(runner.rules(inChain: "mine") == 1_000)
        #expect(FaultMatrixTests.unrelated(FaultMatrixTests.withoutIDs(try await runner.fullSnapshot())) == unrelated)
        try await runner.stop()
        try? FileManager.default.removeItem(atPath: playbook)
    }
}
