import Foundation
@testable import MockRouter
import RouterModel
import RouterOSAPI
import Testing

/// Every playbook in `Playbooks/`, its apply killed (SIGKILL: no undo, no report) at several
/// points, then the router restarted from its saved configuration with other entries added: a
/// plain re-run converges, drift is clean, and nothing of anyone else's was touched.
@Suite(.timeLimit(.minutes(15))) struct SeedKillAndRestartTests {
    /// A router slow enough (per command) that the kill lands inside the apply on any machine.
    static let slow = FaultInjection(serviceTime: .milliseconds(15))

    /// Entries someone adds while the router is down (through its saved configuration).
    static func addOthers(_ device: RouterDevice) {
        for number in 1...3 {
            _ = device.execute(Command("/ip/firewall/address-list/add", ["list": "added-during-restart", "address": "198.19.0.\(number)"]), as: CLIRunner.user)
        }
    }

    static func others(_ snapshot: [String: [[String: String]]]) -> [[String: String]] {
        (snapshot["/ip/firewall/address-list"] ?? []).filter { $0["list"] == "added-during-restart" }
    }

    @Test(arguments: SeedPlaybookTests.playbooks)
    func aKilledApplyThenARestartConvergesOnARerun(name: String) async throws {
        let path = SeedPlaybookTests.directory + "/" + name
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let board: Board = text.contains("board: CHR") || text.contains("board: \"CHR\"") ? .chr : .rb5009
        let environment = try SeedPlaybookTests.environment
        var killedInside = 0
        // Kill points: after the reads, early in the apply, and late in it.
        for delay in [Duration.milliseconds(400), .milliseconds(900), .milliseconds(1_600)] {
            let state = NSTemporaryDirectory() + "rosplay-kill-\(UUID().uuidString).json"
            defer { try? FileManager.default.removeItem(atPath: state) }
            func start(_ faults: FaultInjection) async throws -> CLIRunner {
                let server = try await MockRouterServer.start(MockRouterConfiguration(
                    apiSSLPort: 0, apiPort: 0, tls: .anonymous, users: [CLIRunner.user], board: board, statePath: state, faults: faults))
                let passwordFile = NSTemporaryDirectory() + "rosplay-kill-pw-\(UUID().uuidString)"
                try CLIRunner.password.write(toFile: passwordFile, atomically: true, encoding: .utf8)
                return CLIRunner(server: server, passwordFile: passwordFile)
            }
            func rosplay(_ runner: CLIRunner, _ command: String) -> CLIRunner.Running {
                CLIRunner.launch([command, path, "--router", "127.0.0.1:\(runner.server.apiSSLPort!)", "--user", CLIRunner.user.name,
                                  "--password-file", runner.passwordFile, "--no-certificate"] + (command == "apply" ? ["--yes"] : []),
                                 environment: environment)
            }
            let label = "\(name), killed after \(delay)"
            let first = try await start(Self.slow)
            FaultMatrixTests.seedUnrelated(first.server.device)
            let unrelated = FaultMatrixTests.unrelated(FaultMatrixTests.withoutIDs(try await first.fullSnapshot()))
            let apply = rosplay(first, "apply")
            try await Task.sleep(for: delay)
            apply.send(SIGKILL)
            let killed = await apply.finish()
            if killed.status == SIGKILL || killed.status == 9 { killedInside += 1 }
            // The router restarts from its saved configuration; someone adds entries meanwhile.
            try await first.stop()
            let second = try await start(FaultInjection())
            Self.addOthers(second.server.device)
            let added = Self.others(FaultMatrixTests.withoutIDs(try await second.fullSnapshot()))
            let rerun = await rosplay(second, "apply").finish()
            #expect(rerun.status == 0, "\(label): the re-run did not converge: \(rerun.all)")
            let drift = await rosplay(second, "drift").finish()
            #expect(drift.status == 0, "\(label): drift after the re-run: \(drift.all)")
            let after = FaultMatrixTests.withoutIDs(try await second.fullSnapshot())
            #expect(FaultMatrixTests.unrelated(after) == unrelated, "\(label): unrelated entries changed")
            #expect(Self.others(after) == added, "\(label): entries added during the restart changed")
            try await second.stop()
        }
        print("kill and restart: \(name): \(killedInside) of 3 kills landed before the apply ended")
        #expect(killedInside > 0, "\(name): no kill landed inside the apply")
    }
}
