import Foundation
import MockRouter
import RouterOSAPI
import Testing

/// Every byte rosplay prints, on every path, scanned for known secrets: a WireGuard private and
/// preshared key, a BGP TCP-MD5 key, a user's password (Fixtures/secrets.yaml), the values a
/// drift puts on the router, and rosplay's own login password.
@Suite(.timeLimit(.minutes(5))) struct SecretsAuditTests {
    static let environment = [
        "AUDIT_WG_PRIVATE_KEY": "86viuqGaRcKWt2oBzYlQv8NCLAAzU4HNtVMifT25ODU=",
        "AUDIT_WG_PRESHARED_KEY": "bO8Zw2nMDWk9siTw/cDt9ZiChf1atcZ4CC1ErL+PRY4=",
        "AUDIT_BGP_MD5": "audit-Md5-Secret-77",
        "AUDIT_USER_PASSWORD": "audit-User-Pw-42",
    ]
    /// Set on the router behind rosplay's back, so a drift has secrets on both sides.
    static let driftedPrivateKey = "ku/4FBsD+sHWWATrB87ZWHBIwwIS0ZnN8cvf05NzxaA="
    static let driftedPresharedKey = "ZNnbD0V5AhqrgznOdhmcAYAQZIcB8LcNHR0l0HEjhoU="
    static let driftedMD5 = "drifted-Md5-Secret-88"

    static var secrets: [String] {
        Array(environment.values) + [driftedPrivateKey, driftedPresharedKey, driftedMD5, CLIRunner.password]
    }

    /// One command's output, and what it was.
    struct Case {
        let label: String
        let result: CLIRunner.Result
    }

    /// `rosplay ARGUMENTS` against `runner`'s router (or `--router` already given), the audit's secrets in the environment.
    func rosplay(_ runner: CLIRunner?, _ arguments: [String]) async -> CLIRunner.Result {
        let connection = runner.map { ["--router", "127.0.0.1:\($0.server.apiSSLPort!)", "--user", CLIRunner.user.name, "--password-file", $0.passwordFile, "--no-certificate"] } ?? []
        return await CLIRunner.run(arguments + connection, environment: Self.environment)
    }

    static let playbook = CLIRunner.fixtures + "/secrets.yaml"

    /// Neither the whole of any secret nor its first 12 characters (a truncated secret is a leak too).
    func expectNoSecret(in cases: [Case]) {
        for audited in cases {
            for secret in Self.secrets {
                #expect(!audited.result.all.contains(secret), "\(audited.label) printed a secret: \(audited.result.all)")
                #expect(!audited.result.all.contains(secret.prefix(12)), "\(audited.label) printed part of a secret")
            }
        }
    }

    @Test func validatePlanApplyDriftExportAndCallPrintNoSecret() async throws {
        let runner = try await CLIRunner.start()
        var cases: [Case] = []
        func record(_ label: String, _ arguments: [String], status: Int32, on runner: CLIRunner? = runner) async {
            let result = await rosplay(runner, arguments)
            #expect(result.status == status, "\(label): \(result.all)")
            cases.append(Case(label: label, result: result))
        }
        await record("validate", ["validate", Self.playbook, "--routeros-version", "7.20.8"], status: 0, on: nil)
        await record("plan", ["plan", Self.playbook], status: 0)
        await record("plan --json", ["plan", Self.playbook, "--json"], status: 0)
        await record("apply --yes --json", ["apply", Self.playbook, "--yes", "--json"], status: 0)
        await record("drift (in sync)", ["drift", Self.playbook], status: 0)

        let client = try await runner.client()
        let wg = try #require(try await client.execute(Command("/interface/wireguard/print", queries: [.equals("name", "wg-audit")])).rows.first)
        _ = try await client.execute(Command("/interface/wireguard/set", [".id": wg[".id"]!, "private-key": Self.driftedPrivateKey]))
        let peer = try #require(try await client.execute(Command("/interface/wireguard/peers/print", queries: [.equals("interface", "wg-audit")])).rows.first)
        _ = try await client.execute(Command("/interface/wireguard/peers/set", [".id": peer[".id"]!, "preshared-key": Self.driftedPresharedKey]))
        _ = try await client.execute(Command("/routing/bgp/connection/set", [".id": "audit-peer", "tcp-md5-key": Self.driftedMD5]))
        await client.close()

        await record("drift", ["drift", Self.playbook], status: 2)
        await record("drift --json", ["drift", Self.playbook, "--json"], status: 2)
        await record("plan of the drift", ["plan", Self.playbook], status: 0)
        await record("export", ["export"], status: 0)
        await record("export --menu", ["export", "--menu", "/interface/wireguard", "--menu", "/interface/wireguard/peers", "--menu", "/routing/bgp/connection"], status: 0)
        let exported = NSTemporaryDirectory() + "secrets-export-\(UUID().uuidString).yaml"
        defer { try? FileManager.default.removeItem(atPath: exported) }
        await record("export --output", ["export", "--output", exported], status: 0)
        // The file may map the network and reference secrets: owner-only, and no secret in it.
        #expect(try FileManager.default.attributesOfItem(atPath: exported)[.posixPermissions] as? Int == 0o600)
        let file = try String(contentsOfFile: exported, encoding: .utf8)
        cases.append(Case(label: "the export --output file", result: CLIRunner.Result(status: 0, stdout: file, stderr: "")))
        await record("call print (rows)", ["call", "/interface/wireguard/print"], status: 0)
        await record("call print peers (rows)", ["call", "/interface/wireguard/peers/print"], status: 0)
        await record("call print bgp (rows)", ["call", "/routing/bgp/connection/print"], status: 0)
        await record("call get private-key", ["call", "/interface/wireguard/get", "=.id=wg-audit", "=value-name=private-key"], status: 0)
        await record("call get tcp-md5-key", ["call", "/routing/bgp/connection/get", "=.id=audit-peer", "=value-name=tcp-md5-key"], status: 0)
        await record("call query by secret", ["call", "/interface/wireguard/print", "?=private-key=\(Self.driftedPrivateKey)"], status: 0)
        await record("call set refused", ["call", "/interface/wireguard/set", "=.id=no-such", "=private-key=\(Self.driftedPrivateKey)"], status: 1)
        // A confirmed apply arms a revert on the router; its script must hold no secret it would restore.
        await record("apply --confirm-within --manual-confirm", ["apply", Self.playbook, "--yes", "--confirm-within", "5m", "--manual-confirm"], status: 0)
        await record("call print the scheduler", ["call", "/system/scheduler/print"], status: 0)
        let script = await rosplay(runner, ["call", "/system/script/print"])
        #expect(script.status == 0 && script.stdout.contains("rosplay-revert-"), "\(script.all)")
        // The armed revert keeps secrets out of its script: /system/script is readable by users
        // RouterOS does not show keys to.
        expectNoSecret(in: [Case(label: "call print the armed revert script", result: script)])
        await record("confirm", ["confirm"], status: 0)
        expectNoSecret(in: cases)
        // The audit is only worth something if the secrets were there to leak.
        #expect(cases.first { $0.label == "call get private-key" }?.result.stdout.contains("ret=(sensitive)") == true)
        #expect(cases.first { $0.label == "drift" }?.result.stdout.contains("(sensitive)") == true)
        try await runner.stop()
    }

    /// Values taken from `secrets:` stay hidden where RouterOS keeps them in clear: a comment, a
    /// list name (both in the entry's label), a name that refers to nothing.
    @Test func secretsUsedInOrdinaryPropertiesPrintNoSecret() async throws {
        let playbook = NSTemporaryDirectory() + "secrets-ordinary-\(UUID().uuidString).yaml"
        defer { try? FileManager.default.removeItem(atPath: playbook) }
        let dangling = playbook.replacingOccurrences(of: ".yaml", with: "-dangling.yaml")
        defer { try? FileManager.default.removeItem(atPath: dangling) }
        let head = "secrets:\n  MD5: { env: AUDIT_BGP_MD5 }\n  PW: { env: AUDIT_USER_PASSWORD }\n  PSK: { env: AUDIT_WG_PRESHARED_KEY }\nmenus:\n"
        try (head + """
          /ip/firewall/address-list:
            - { list: "${PW}", address: 192.0.2.7 }
          /ip/firewall/filter:
            - { chain: forward, action: accept, comment: "${MD5}" }
            - { chain: forward, action: drop, comment: last }
        """).write(toFile: playbook, atomically: true, encoding: .utf8)
        try (head + """
          /interface/wireguard/peers:
            - { interface: "${PSK}", public-key: YGzsr5zuc0QAAYbnNkE2EPD3SYLkxnkcHYj6kMiYjF8=, allowed-address: 10.77.0.2/32 }
        """).write(toFile: dangling, atomically: true, encoding: .utf8)
        let runner = try await CLIRunner.start()
        var cases: [Case] = []
        for (label, arguments, status) in [("plan", ["plan", playbook], Int32(0)), ("plan --json", ["plan", playbook, "--json"], 0),
                                           ("apply", ["apply", playbook, "--yes"], 0), ("drift --json", ["drift", playbook, "--json"], 0),
                                           ("plan of a name that refers to nothing", ["plan", dangling], 1),
                                           ("plan --json of a name that refers to nothing", ["plan", dangling, "--json"], 1)] {
            let result = await rosplay(runner, arguments)
            #expect(result.status == status, "\(label): \(result.all)")
            cases.append(Case(label: label, result: result))
        }
        try await runner.stop()
        #expect(cases[0].result.stdout.contains("comment=(sensitive)"), "\(cases[0].result.stdout)")
        #expect(cases[4].result.stderr.contains("interface=(sensitive) names nothing"), "\(cases[4].result.all)")
        expectNoSecret(in: cases)
    }

    @Test func errorPathsPrintNoSecret() async throws {
        var cases: [Case] = []
        // A duplicated key in a playbook that holds a secret in clear (pasted in by mistake).
        let duplicated = NSTemporaryDirectory() + "secrets-duplicated-\(UUID().uuidString).yaml"
        defer { try? FileManager.default.removeItem(atPath: duplicated) }
        let key = Self.environment["AUDIT_WG_PRIVATE_KEY"]!
        try "menus:\n  /interface/wireguard:\n    - name: wg-audit\n      private-key: \(key)\n      private-key: \(key)\n"
            .write(toFile: duplicated, atomically: true, encoding: .utf8)
        let validate = await rosplay(nil, ["validate", duplicated])
        #expect(validate.status == 1)
        #expect(validate.stderr.contains("\(duplicated):5:7: error: YAML: key 'private-key' given again in the same mapping (first at line 4)"), "\(validate.stderr)")
        cases.append(Case(label: "validate with a duplicated key", result: validate))
        let plan = await rosplay(nil, ["plan", duplicated, "--router", "127.0.0.1:1", "--no-certificate"])
        #expect(plan.status == 1)
        cases.append(Case(label: "plan with a duplicated key", result: plan))

        // The router refuses a command mid-apply (mock-routeros --trap-on): everything is undone.
        for path in ["/routing/bgp/connection/add", "/user/add", "/interface/wireguard/peers/add"] {
            let runner = try await CLIRunner.start(faults: FaultInjection(trapOn: path))
            let apply = await rosplay(runner, ["apply", Self.playbook, "--yes"])
            #expect(apply.status == 1, "\(apply.all)")
            cases.append(Case(label: "apply trapped on \(path)", result: apply))
            let json = await rosplay(runner, ["apply", Self.playbook, "--yes", "--json"])
            cases.append(Case(label: "apply --json trapped on \(path)", result: json))
            try await runner.stop()
        }

        // The router refuses the revert script of a confirmed apply (its source holds the secrets to restore).
        let refusedRevert = try await CLIRunner.start(faults: FaultInjection(trapOn: "/system/script/add"))
        _ = await rosplay(refusedRevert, ["apply", Self.playbook, "--yes"])
        let client = try await refusedRevert.client()
        let wg = try #require(try await client.execute(Command("/interface/wireguard/print", queries: [.equals("name", "wg-audit")])).rows.first)
        _ = try await client.execute(Command("/interface/wireguard/set", [".id": wg[".id"]!, "private-key": Self.driftedPrivateKey]))
        await client.close()
        let confirmed = await rosplay(refusedRevert, ["apply", Self.playbook, "--yes", "--confirm-within", "5m"])
        #expect(confirmed.status == 1, "\(confirmed.all)")
        cases.append(Case(label: "apply --confirm-within with the revert script refused", result: confirmed))
        try await refusedRevert.stop()

        // No router, and a router that refuses the login.
        let unreachable = ["--router", "127.0.0.1:1", "--no-certificate"]
        for command in [["plan", Self.playbook], ["apply", Self.playbook, "--yes"], ["drift", Self.playbook, "--json"], ["call", "/interface/wireguard/set", "=.id=x", "=private-key=\(key)"]] {
            let result = await rosplay(nil, command + unreachable)
            #expect(result.status == 1)
            cases.append(Case(label: "\(command[0]) without a router", result: result))
        }
        // A secret given without its leading `=`: the local parse error names the word, not its value.
        let bare = await rosplay(nil, ["call", "/interface/wireguard/set", "=.id=x", "private-key=\(key)"] + unreachable)
        #expect(bare.status == 1)
        #expect(bare.stderr.contains("unexpected word 'private-key=…'"), "\(bare.all)")
        cases.append(Case(label: "call with a bare secret word", result: bare))
        let runner = try await CLIRunner.start()
        let wrongPassword = NSTemporaryDirectory() + "secrets-wrong-pw-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: wrongPassword) }
        try "\(Self.environment["AUDIT_USER_PASSWORD"]!)\n".write(toFile: wrongPassword, atomically: true, encoding: .utf8)
        let refused = await rosplay(nil, ["plan", Self.playbook, "--router", "127.0.0.1:\(runner.server.apiSSLPort!)", "--user", "rosplay",
                                          "--password-file", wrongPassword, "--no-certificate"])
        #expect(refused.status == 1)
        cases.append(Case(label: "plan with a wrong password", result: refused))
        try await runner.stop()
        expectNoSecret(in: cases)
    }
}
