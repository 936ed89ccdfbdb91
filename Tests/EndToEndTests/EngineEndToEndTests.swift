import Foundation
import MockRouter
import RouterOSAPI
import Testing

/// The rosplay command line against MockRouter over TLS: apply, drift, re-apply, reset, faults, secrets.
@Suite(.timeLimit(.minutes(15))) struct EngineEndToEndTests {
    @Test func applyToAFactoryRouterThenDriftIsClean() async throws {
        let runner = try await CLIRunner.start()
        let apply = await runner.rosplay("apply", ["relay.yaml"], ["--yes"])
        #expect(apply.status == 0, "\(apply.all)")
        #expect(apply.stdout.contains("Verified: the router matches the playbooks."))
        let drift = await runner.rosplay("drift")
        #expect(drift.status == 0, "\(drift.all)")
        // The same apply a second time changes nothing.
        let again = await runner.rosplay("apply", ["relay.yaml"], ["--yes"])
        #expect(again.status == 0)
        #expect(again.stdout.contains("No changes"))
        let quiet = await runner.rosplay("drift", ["relay.yaml"], ["--quiet"])
        #expect(quiet.status == 0 && quiet.stdout.isEmpty)
        try await runner.stop()
    }

    @Test func outOfBandChangeIsDriftNamingMenuEntryAndProperty() async throws {
        let runner = try await CLIRunner.start()
        #expect(await runner.rosplay("apply", ["relay.yaml"], ["--yes"]).status == 0)
        let client = try await runner.client()
        let peer = try #require(try await client.execute(Command("/interface/wireguard/peers/print")).rows.first)
        _ = try await client.execute(Command("/interface/wireguard/peers/set", [".id": peer[".id"]!, "persistent-keepalive": "10s"]))
        await client.close()

        let drift = await runner.rosplay("drift")
        #expect(drift.status == 2, "\(drift.all)")
        #expect(drift.stdout.contains("/interface/wireguard/peers"))
        #expect(drift.stdout.contains("interface=wg-vps"))
        #expect(drift.stdout.contains("persistent-keepalive: 10s → 25s"))
        let json = await runner.rosplay("drift", ["relay.yaml"], ["--json"])
        #expect(json.status == 2)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(document["schema"] as? String == "rosplay.drift/1")
        #expect(document["inSync"] as? Bool == false)
        // apply puts it back.
        #expect(await runner.rosplay("apply", ["relay.yaml"], ["--yes"]).status == 0)
        #expect(await runner.rosplay("drift").status == 0)
        try await runner.stop()
    }

    @Test func resetThenApplyConverges() async throws {
        let runner = try await CLIRunner.start(faults: FaultInjection(rebootDelay: .milliseconds(100)))
        #expect(await runner.rosplay("apply", ["relay.yaml"], ["--yes"]).status == 0)
        let client = try await runner.client()
        _ = try await client.execute(Command("/system/reset-configuration", ["skip-backup": "yes"]))
        try await Task.sleep(for: .milliseconds(400))
        #expect(await runner.rosplay("drift").status == 2)
        let apply = await runner.rosplay("apply", ["relay.yaml"], ["--yes"])
        #expect(apply.status == 0, "\(apply.all)")
        #expect(await runner.rosplay("drift").status == 0)
        try await runner.stop()
    }

    @Test func trapMidApplyLeavesTheRouterExactlyAsBefore() async throws {
        let runner = try await CLIRunner.start(faults: FaultInjection(trapOn: "/routing/bgp/connection/add"))
        let before = try await runner.fullSnapshot()
        let apply = await runner.rosplay("apply", ["relay.yaml"], ["--yes"])
        #expect(apply.status == 1)
        #expect(apply.stdout.contains("Nothing of this apply remains on the router."), "\(apply.all)")
        // The router's message once, with the operation it refused; the stop names the operation only.
        #expect(apply.stdout.contains("Apply stopped: the router refused add /routing/bgp/connection name=vps.\n"), "\(apply.stdout)")
        #expect(apply.all.components(separatedBy: "router refused /routing/bgp/connection/add").count == 2, "\(apply.all)")
        #expect(apply.stdout.contains("Counts: 0 applied, 9 undone, 0 not undone, 0 uncertain, 1 failed."), "\(apply.stdout)")
        let after = try await runner.fullSnapshot()
        // Only the counters of the never-reused ids differ; every entry and value is back.
        #expect(withoutIDs(after) == withoutIDs(before))
        try await runner.stop()
    }

    /// An `_exact` entry clears what the playbook does not name; when a later operation is refused,
    /// the cleared properties come back (RouterOS prints a cleared `log` as its default, `false`).
    @Test func aRefusedApplyPutsBackWhatAnExactEntryCleared() async throws {
        let runner = try await CLIRunner.start(faults: FaultInjection(trapOn: "/routing/bgp/connection/add"))
        let client = try await runner.client()
        _ = try await client.execute(Command("/ip/firewall/filter/add", ["chain": "forward", "action": "accept", "comment": "exact", "log": "yes", "log-prefix": "fw"]))
        await client.close()
        let before = try await runner.fullSnapshot()
        let playbook = NSTemporaryDirectory() + "exact-\(UUID().uuidString).yaml"
        defer { try? FileManager.default.removeItem(atPath: playbook) }
        try """
        include: [\(CLIRunner.fixtures)/relay.yaml]
        menus:
          /ip/firewall/filter:
            - { chain: forward, comment: exact, action: accept, _exact: true }
        """.write(toFile: playbook, atomically: true, encoding: .utf8)
        let apply = await runner.rosplay("apply", [playbook], ["--yes"])
        #expect(apply.status == 1)
        #expect(apply.stdout.contains("unset /ip/firewall/filter"), "\(apply.stdout)")
        #expect(apply.stdout.contains("Nothing of this apply remains on the router."), "\(apply.all)")
        #expect(withoutIDs(try await runner.fullSnapshot()) == withoutIDs(before))
        try await runner.stop()
    }

    /// 300 new rules before one defconf rule go out as one wave through the real client, and land
    /// in the playbook's order: the client writes a wave's commands in order and the router runs
    /// them in the order they arrive.
    @Test func rulesBeforeADefconfRuleLandInOrderFromOneWave() async throws {
        let runner = try await CLIRunner.start(faults: FaultInjection(latency: .milliseconds(5)))
        var yaml = "menus:\n  /ip/firewall/filter:\n"
        for number in 1...300 {
            yaml += "    - { chain: input, action: accept, src-address: 10.9.\(number / 256).\(number % 256), comment: \"mine \(number)\", "
                + "_place-before: { comment: \"defconf: drop all not coming from LAN\" } }\n"
        }
        let playbook = NSTemporaryDirectory() + "rosplay-wave-\(UUID().uuidString).yaml"
        try yaml.write(toFile: playbook, atomically: true, encoding: .utf8)
        let apply = await runner.rosplay("apply", [playbook], ["--yes", "--json"])
        #expect(apply.status == 0, "\(apply.all)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(apply.stdout.utf8)) as? [String: Any])
        #expect(document["waves"] as? Int == 1, "\(document["waves"] ?? "no waves")")
        let client = try await runner.client()
        let comments = try await client.execute(Command("/ip/firewall/filter/print", [".proplist": "comment"])).rows.compactMap { $0["comment"] }
        await client.close()
        let anchor = try #require(comments.firstIndex(of: "defconf: drop all not coming from LAN"))
        #expect(Array(comments[(anchor - 300)..<anchor]) == (1...300).map { "mine \($0)" })
        try await runner.stop()
        try? FileManager.default.removeItem(atPath: playbook)
    }

    func withoutIDs(_ snapshot: [String: [[String: String]]]) -> [String: [[String: String]]] {
        snapshot.mapValues { rows in rows.map { $0.filter { $0.key != ".id" && $0.key != "public-key" && $0.key != "private-key" } } }
    }

    @Test func olderRouterOSIsRefusedBeforeAnyChange() async throws {
        let runner = try await CLIRunner.start(version: "7.18.2")
        let before = try await runner.fullSnapshot()
        let apply = await runner.rosplay("apply", ["relay.yaml"], ["--yes"])
        #expect(apply.status == 1)
        #expect(apply.stderr.contains("relay.yaml:"), "\(apply.all)")
        #expect(apply.stderr.contains("/routing/bgp/instance"))
        #expect(try await runner.fullSnapshot() == before)
        try await runner.stop()
    }

    @Test func secretsNeverAppearInAnyOutput() async throws {
        let runner = try await CLIRunner.start()
        var outputs: [CLIRunner.Result] = []
        outputs.append(await runner.rosplay("plan"))
        outputs.append(await runner.rosplay("plan", ["relay.yaml"], ["--json"]))
        outputs.append(await runner.rosplay("apply", ["relay.yaml"], ["--yes", "--json"]))
        let client = try await runner.client()
        let wg = try #require(try await client.execute(Command("/interface/wireguard/print")).rows.first)
        _ = try await client.execute(Command("/interface/wireguard/set", [".id": wg[".id"]!, "private-key": "cGxhY2Vob2xkZXJwbGFjZWhvbGRlcnBsYWNlaG9sZGU="]))
        await client.close()
        outputs.append(await runner.rosplay("drift"))
        outputs.append(await runner.rosplay("drift", ["relay.yaml"], ["--json"]))
        for output in outputs {
            #expect(!output.all.contains(CLIRunner.privateKey))
            #expect(!output.all.contains("cGxhY2Vob2xkZXJwbGFjZWhvbGRlcnBsYWNlaG9sZGU="))
            #expect(!output.all.contains(CLIRunner.password))
        }
        #expect(outputs[3].stdout.contains("private-key: (sensitive) → (sensitive)"))
        try await runner.stop()
    }

    @Test func noTerminalAndNoYesRefusesToApply() async throws {
        let runner = try await CLIRunner.start()
        let apply = await runner.rosplay("apply")
        #expect(apply.status == 1)
        #expect(apply.stderr.contains("--yes"))
        #expect(await runner.rosplay("drift").status == 2)
        try await runner.stop()
    }

    @Test func validateNamesFileLineColumnAndSuggests() async {
        let result = await CLIRunner.run(["validate", CLIRunner.fixtures + "/bad.yaml", "--routeros-version", "7.20.8"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("bad.yaml:5:7: error: RouterOS 7.20.8 has no property address-families in /routing/bgp/connection (did you mean 'afi'?)"), "\(result.stderr)")
        #expect(result.stderr.contains("bad.yaml:8:20: error: /interface/wireguard listen-port"))
        #expect(result.stderr.contains("undefined variable ${UNDEFINED_MTU}"))
        let usage = await CLIRunner.run(["plan"])
        #expect(usage.status == 64)
    }

    @Test func exportThenPlanShowsNoChanges() async throws {
        let runner = try await CLIRunner.start()
        #expect(await runner.rosplay("apply", ["relay.yaml"], ["--yes"]).status == 0)
        let file = NSTemporaryDirectory() + "export-\(UUID().uuidString).yaml"
        defer { try? FileManager.default.removeItem(atPath: file) }
        let export = await runner.rosplay("export", [], ["--output", file])
        #expect(export.status == 0, "\(export.all)")
        let yaml = try String(contentsOfFile: file, encoding: .utf8)
        #expect(yaml.contains("/interface/wireguard:"))
        #expect(!yaml.contains(CLIRunner.privateKey))
        #expect(!yaml.contains("dynamic"))
        let variable = try #require(export.stderr.firstMatch(of: /(ROSPLAY_SECRET\w+)/).map { String($0.1) })
        let plan = await CLIRunner.run(["plan", file, "--router", "127.0.0.1:\(runner.server.apiSSLPort!)", "--user", CLIRunner.user.name,
                                        "--password-file", runner.passwordFile, "--no-certificate"], environment: [variable: CLIRunner.privateKey])
        #expect(plan.status == 0, "\(plan.all)")
        #expect(plan.stdout.contains("No changes"), "\(plan.stdout)")
        try await runner.stop()
    }

    @Test func unreachableRouterIsAnError() async {
        let result = await CLIRunner.run(["drift", CLIRunner.fixtures + "/relay.yaml", "--router", "127.0.0.1:1", "--no-certificate"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("connection refused by 127.0.0.1:1"), "\(result.stderr)")
    }
}
