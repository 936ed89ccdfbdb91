import Foundation
import MockRouter
import Playbook
import RouterOSAPI
import Testing

/// Every playbook a user runs (`Playbooks/*.yaml`), end to end against a fresh MockRouter of its
/// board: validate, apply, drift clean, apply again changes nothing, reset, re-apply converges.
@Suite(.timeLimit(.minutes(15))) struct SeedPlaybookTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Playbooks").path

    static var playbooks: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
    }

    /// The variables and secrets of `Playbooks/example.env`.
    static var environment: [String: String] {
        get throws { try EnvironmentFile.read(directory + "/example.env") }
    }

    @Test func thereIsAPlaybookForEverySystemInTheSeeds() {
        #expect(Self.playbooks.count >= 6, "\(Self.playbooks)")
    }

    @Test func demoWalksTheWholeCycle() async throws {
        let demo = await CLIRunner.run(["demo", "--playbook", Self.directory + "/rb5009-vps-relay.yaml", "--environment", Self.directory + "/example.env"])
        #expect(demo.status == 0, "\(demo.all)")
        #expect(demo.stdout.contains("applied 11 operations"))
        #expect(demo.stdout.contains("persistent-keepalive: 5s → 25s"))
        #expect(demo.stdout.components(separatedBy: "No changes: the router matches the playbooks.").count == 3)
        #expect(!demo.all.contains(try Self.environment["WG_PRIVATE_KEY"] ?? "unset"))
    }

    @Test func aCHRPlaybookNeverLandsOnTheRB5009() async throws {
        let runner = try await CLIRunner.start(board: .rb5009)
        let before = try await runner.fullSnapshot()
        let apply = await CLIRunner.run(["apply", Self.directory + "/chr-relay.yaml", "--router", "127.0.0.1:\(runner.server.apiSSLPort!)",
                                         "--user", CLIRunner.user.name, "--password-file", runner.passwordFile, "--no-certificate", "--yes"],
                                        environment: try Self.environment)
        #expect(apply.status == 1)
        #expect(apply.stderr.contains("the playbook is for board CHR; this router is RB5009UG+S+"), "\(apply.all)")
        #expect(try await runner.fullSnapshot() == before)
        try await runner.stop()
    }

    @Test(arguments: playbooks)
    func playbookConvergesOnAFreshRouterAndAfterAReset(name: String) async throws {
        let path = Self.directory + "/" + name
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let board: Board = text.contains("board: CHR") || text.contains("board: \"CHR\"") ? .chr : .rb5009
        let environment = try Self.environment
        let validate = await CLIRunner.run(["validate", path], environment: environment)
        #expect(validate.status == 0, "\(validate.all)")

        let runner = try await CLIRunner.start(board: board, faults: FaultInjection(rebootDelay: .milliseconds(100)))
        func rosplay(_ command: String, _ extra: [String] = []) async -> CLIRunner.Result {
            await CLIRunner.run([command, path, "--router", "127.0.0.1:\(runner.server.apiSSLPort!)", "--user", CLIRunner.user.name,
                                 "--password-file", runner.passwordFile, "--no-certificate"] + extra, environment: environment)
        }
        let apply = await rosplay("apply", ["--yes"])
        #expect(apply.status == 0, "\(apply.all)")
        #expect(apply.stdout.contains("Verified"))
        #expect(await rosplay("drift").status == 0)
        #expect(await rosplay("apply", ["--yes"]).stdout.contains("No changes"))

        let client = try await runner.client()
        _ = try await client.execute(Command("/system/reset-configuration", ["skip-backup": "yes"]))
        try await Task.sleep(for: .milliseconds(400))
        let reapply = await rosplay("apply", ["--yes"])
        #expect(reapply.status == 0, "\(reapply.all)")
        let drift = await rosplay("drift")
        #expect(drift.status == 0, "\(drift.all)")
        try await runner.stop()
    }
}

