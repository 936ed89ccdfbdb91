import Foundation
import MockRouter
import RouterOSAPI
import Testing

/// Habits a command line is judged by: a JSON document even on error, the version, password
/// files from any editor, anchors named as the playbook names them, a drift summary.
@Suite(.timeLimit(.minutes(5))) struct CommandLineTests {
    @Test func driftJSONPrintsAnErrorDocumentWhenTheRouterCannotBeChecked() async throws {
        let result = await CLIRunner.run(["drift", CLIRunner.fixtures + "/relay.yaml", "--router", "127.0.0.1:1", "--no-certificate", "--json"],
                                         environment: ["WG_PRIVATE_KEY": CLIRunner.privateKey, "ROSPLAY_PASSWORD": "x"])
        #expect(result.status == 1)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.all)")
        #expect(document["schema"] as? String == "rosplay.drift/1")
        #expect(document["router"] as? String == "127.0.0.1:1")
        #expect((document["error"] as? String)?.contains("connection refused") == true, "\(document)")
    }

    /// `rosplay menus`: every menu a playbook can write, with what rosplay knows of it.
    @Test func menusListsEveryConfigurableMenuOfAVersion() async throws {
        let all = await CLIRunner.run(["menus"])
        #expect(all.status == 0, "\(all.all)")
        #expect(all.stdout.contains("RouterOS 7.20.8:"))
        for line in ["/snmp/community", "/ip/firewall/filter", "/interface/pppoe-client"] {
            #expect(all.stdout.contains(line), "\(line) missing")
        }
        let firewall = await CLIRunner.run(["menus", "/ip/firewall/filter"])
        let row = try #require(firewall.stdout.split(separator: "\n").first { $0.hasPrefix("/ip/firewall/filter ") })
        #expect(row.split(separator: " ", omittingEmptySubsequences: true) == ["/ip/firewall/filter", "list", "chain+comment", "ordered", "-", "curated"])
        let json = await CLIRunner.run(["menus", "/routing/bgp", "--json", "--routeros-version", "7.18.2"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(document["schema"] as? String == "rosplay.menus/1")
        #expect(document["routeros"] as? String == "7.18.2")
        let paths = (document["menus"] as? [[String: Any]])?.compactMap { $0["path"] as? String } ?? []
        // BGP instances came with 7.20.
        #expect(paths.contains("/routing/bgp/connection") && !paths.contains("/routing/bgp/instance"), "\(paths)")
        let secrets = (document["menus"] as? [[String: Any]])?.first { $0["path"] as? String == "/routing/bgp/connection" }?["secrets"] as? [String]
        #expect(secrets == ["tcp-md5-key"])
        let none = await CLIRunner.run(["menus", "/nope"])
        #expect(none.status == 1 && none.stderr.contains("no configurable menu under /nope"), "\(none.all)")
    }

    @Test func versionIsPrinted() async {
        let result = await CLIRunner.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("rosplay 0."), "\(result.all)")
    }

    @Test func aPasswordFileWithWindowsLineEndingsLogsIn() async throws {
        let runner = try await CLIRunner.start()
        try (CLIRunner.password + "\r\nsecond line\r\n").write(toFile: runner.passwordFile, atomically: true, encoding: .utf8)
        #expect(await runner.rosplay("plan").status == 0)
        try await runner.stop()
    }

    @Test func planNamesAnchorsAsThePlaybookDoesAndDriftSaysDrift() async throws {
        let runner = try await CLIRunner.start()
        let plan = await runner.rosplay("plan")
        #expect(plan.stdout.contains("(before chain=input comment=defconf: drop everything else not coming from LAN)"), "\(plan.stdout)")
        #expect(!plan.stdout.contains("(before *"), "\(plan.stdout)")
        // Grouped by menu in the playbook's order (identity is last there, though it is applied
        // first), each operation with the place that asked for it.
        #expect(plan.stdout.contains("/interface/wireguard\n  + add name=wg-vps  # \(CLIRunner.fixtures)/relay.yaml:11:7"), "\(plan.stdout)")
        let wireguard = try #require(plan.stdout.range(of: "\n/interface/wireguard\n")), identity = try #require(plan.stdout.range(of: "\n/system/identity\n"))
        #expect(wireguard.lowerBound < identity.lowerBound)
        let drift = await runner.rosplay("drift")
        #expect(drift.status == 2)
        #expect(drift.stdout.contains("Drift: 9 missing, 1 changed, 0 to unset, 0 extra, 0 out of place."), "\(drift.stdout)")
        try await runner.stop()
    }

    @Test func withoutAUTF8LocaleReportsUseASCII() async throws {
        let runner = try await CLIRunner.start()
        let path = NSTemporaryDirectory() + "rosplay-ascii-\(UUID().uuidString).yaml"
        try "menus:\n  /system/identity:\n    name: ascii-test\n".write(toFile: path, atomically: true, encoding: .utf8)
        let plan = await CLIRunner.run(["plan", path, "--router", "127.0.0.1:\(runner.server.apiSSLPort!)", "--user", CLIRunner.user.name,
                                        "--password-file", runner.passwordFile, "--no-certificate"], environment: ["LC_ALL": "C", "LANG": "C"])
        #expect(plan.stdout.contains("name: MikroTik -> ascii-test"), "\(plan.stdout)")
        // No locale at all is the POSIX one (cron, env -i): ASCII too, in errors and their hints as well.
        let none = ["LC_ALL": "", "LC_CTYPE": "", "LANG": ""]
        let unset = await CLIRunner.run(["plan", path, "--router", "127.0.0.1:\(runner.server.apiSSLPort!)", "--user", CLIRunner.user.name,
                                         "--password-file", runner.passwordFile, "--no-certificate"], environment: none)
        #expect(unset.stdout.contains("name: MikroTik -> ascii-test"), "\(unset.stdout)")
        let pinned = await CLIRunner.run(["plan", path, "--router", "127.0.0.1:\(runner.server.apiSSLPort!)", "--user", CLIRunner.user.name,
                                          "--password-file", runner.passwordFile, "--fingerprint", "SHA256:" + String(repeating: "00", count: 32)], environment: none)
        #expect(pinned.status == 1)
        #expect(pinned.stderr.contains("api-ssl seems to have no certificate (anonymous Diffie-Hellman only)"), "\(pinned.stderr)")
        #expect(pinned.stderr.contains("certificate=..."), "\(pinned.stderr)")
        for result in [plan, unset, pinned] {
            let ascii = result.all.unicodeScalars.allSatisfy { $0.isASCII }
            #expect(ascii, "\(result.all)")
        }
        try await runner.stop()
        try? FileManager.default.removeItem(atPath: path)
    }

    @Test func aWrongTrustModeSaysWhatToPassAndShowsTheFingerprintToPin() async throws {
        let directory = CertificateDirectory(path: NSTemporaryDirectory() + "rosplay-hints-\(UUID().uuidString)")
        try directory.ensure()
        let server = try await MockRouterServer.start(MockRouterConfiguration(
            apiSSLPort: 0, apiPort: 0, tls: .certificate(certificateFile: directory.certificateFile, keyFile: directory.keyFile), users: [CLIRunner.user]))
        let fingerprint = try CertificateFingerprint(pemFile: directory.certificateFile).description
        func drift(_ extra: [String]) async -> CLIRunner.Result {
            await CLIRunner.run(["drift", CLIRunner.fixtures + "/relay.yaml", "--router", "127.0.0.1:\(server.apiSSLPort!)", "--user", CLIRunner.user.name] + extra,
                                environment: ["WG_PRIVATE_KEY": CLIRunner.privateKey, "ROSPLAY_PASSWORD": CLIRunner.password])
        }
        let anonymous = await drift(["--no-certificate"])
        #expect(anonymous.status == 1)
        #expect(anonymous.stderr.contains("has a certificate, so its api-ssl offers no anonymous TLS"), "\(anonymous.stderr)")
        #expect(anonymous.stderr.contains("--fingerprint \(fingerprint)"), "\(anonymous.stderr)")
        let unverified = await drift([])
        #expect(unverified.stderr.contains("no --ca or --fingerprint was given"), "\(unverified.stderr)")
        #expect(unverified.stderr.contains("(the router presented \(fingerprint))"), "\(unverified.stderr)")
        #expect(unverified.stderr.contains("pin it with --fingerprint \(fingerprint)"), "\(unverified.stderr)")
        let plain = await drift(["--plain"])
        #expect(plain.stderr.contains("drop --plain"), "\(plain.stderr)")
        #expect(await drift(["--fingerprint", fingerprint]).status == 2)
        let wrongUser = await CLIRunner.run(["drift", CLIRunner.fixtures + "/relay.yaml", "--router", "127.0.0.1:\(server.apiSSLPort!)", "--user", "bob",
                                             "--fingerprint", fingerprint], environment: ["WG_PRIVATE_KEY": CLIRunner.privateKey, "ROSPLAY_PASSWORD": "nope"])
        #expect(wrongUser.stderr.contains("127.0.0.1:\(server.apiSSLPort!) refused the login of user 'bob'"), "\(wrongUser.stderr)")
        // No password anywhere and no terminal to ask on: the refusal says none was given.
        let noPassword = await CLIRunner.run(["drift", CLIRunner.fixtures + "/relay.yaml", "--router", "127.0.0.1:\(server.apiSSLPort!)", "--user", "bob",
                                              "--fingerprint", fingerprint], environment: ["WG_PRIVATE_KEY": CLIRunner.privateKey])
        #expect(noPassword.status == 1)
        #expect(noPassword.stderr.contains("refused the login of user 'bob'"), "\(noPassword.stderr)")
        #expect(noPassword.stderr.contains("no password was given, so an empty one was tried: pass --password-file FILE or set ROSPLAY_PASSWORD"), "\(noPassword.stderr)")
        #expect(!wrongUser.stderr.contains("no password was given"), "\(wrongUser.stderr)")
        try await server.stop()
        try? FileManager.default.removeItem(atPath: directory.path)
    }

    @Test func validateChecksStructureWithoutSecretsAndSaysWhichVersionsItKnows() async {
        let relay = CLIRunner.fixtures + "/relay.yaml"
        let structure = await CLIRunner.run(["validate", relay], environment: ["WG_PRIVATE_KEY": ""])
        #expect(structure.status == 0, "\(structure.all)")
        #expect(structure.stdout.contains("values that use secrets were not checked"))
        // Reading them, a missing secret is one message, not also an undefined variable.
        let missing = await CLIRunner.run(["validate", relay, "--read-secrets"], environment: ["WG_PRIVATE_KEY": ""].filter { _ in false })
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("secret WG_KEY: environment variable WG_PRIVATE_KEY is not set"), "\(missing.stderr)")
        #expect(!missing.stderr.contains("undefined variable"), "\(missing.stderr)")
        let old = await CLIRunner.run(["validate", relay, "--routeros-version", "6.49"])
        #expect(old.status != 0)
        #expect(old.stderr.contains("rosplay knows RouterOS 7.18.2, 7.19.6, 7.20.8, 7.22.3, 7.24; 6.49 is older than all of them"), "\(old.stderr)")
        let future = await CLIRunner.run(["validate", relay, "--routeros-version", "7.99"])
        #expect(future.status == 0)
        #expect(future.stderr.contains("RouterOS 7.99 is newer than every command tree rosplay knows"), "\(future.stderr)")
        #expect(future.stdout.contains("valid for RouterOS 7.99 (command tree 7.24)"), "\(future.stdout)")
        // A required property missing is what plan would refuse for an entry the router lacks.
        let vlan = NSTemporaryDirectory() + "rosplay-vlan-\(UUID().uuidString).yaml"
        try? "menus:\n  /interface/vlan:\n    - { name: vlan10, interface: bridge }\n".write(toFile: vlan, atomically: true, encoding: .utf8)
        let unaddable = await CLIRunner.run(["validate", vlan])
        #expect(unaddable.stderr.contains("\(vlan):3:7: warning: if the router has no such /interface/vlan entry yet, it cannot be added without vlan-id"),
                "\(unaddable.all)")
        try? FileManager.default.removeItem(atPath: vlan)
        let typo = await CLIRunner.run(["validate", relay, "--var", "LAN_PREFX=2001:db8:9", "--var", "WG_IF=wg0"])
        #expect(typo.status == 0)
        #expect(typo.stderr.contains("--var LAN_PREFX: no value of the playbooks uses ${LAN_PREFX}"), "\(typo.stderr)")
        #expect(!typo.stderr.contains("WG_IF"), "\(typo.stderr)")
        let emptyName = await CLIRunner.run(["validate", relay, "--var", "=x"])
        #expect(emptyName.status != 0 && emptyName.stderr.contains("the name is empty"), "\(emptyName.stderr)")
        let empty = NSTemporaryDirectory() + "rosplay-empty-\(UUID().uuidString).yaml"
        try? "vars: {}\n".write(toFile: empty, atomically: true, encoding: .utf8)
        let nothing = await CLIRunner.run(["validate", empty])
        #expect(nothing.stderr.contains("rosplay: warning: the playbooks name no menu: there is nothing to check or change"), "\(nothing.all)")
        // Without secrets there is nothing --read-secrets would add.
        #expect(nothing.stdout == "ok: 0 menus, 0 entries valid for RouterOS 7.20.8\n", "\(nothing.stdout)")
        try? FileManager.default.removeItem(atPath: empty)
        let directory = await CLIRunner.run(["validate", NSTemporaryDirectory()])
        #expect(directory.status == 1)
        #expect(directory.stderr.contains("cannot read playbook") && directory.stderr.contains("it is a directory"), "\(directory.stderr)")
    }

    /// What validate warns of without a router, plan refuses against one that lacks the entry,
    /// at the entry's place, in the one message form.
    @Test func planRefusesAnEntryItCannotAddAtItsPlace() async throws {
        let runner = try await CLIRunner.start()
        let vlan = NSTemporaryDirectory() + "rosplay-vlan-plan-\(UUID().uuidString).yaml"
        defer { try? FileManager.default.removeItem(atPath: vlan) }
        try "menus:\n  /interface/vlan:\n    - { name: vlan10, interface: bridge }\n".write(toFile: vlan, atomically: true, encoding: .utf8)
        let plan = await runner.rosplay("plan", [vlan])
        #expect(plan.status == 1)
        #expect(plan.stderr == "\(vlan):3:7: error: cannot add to /interface/vlan without vlan-id\n", "\(plan.stderr)")
        let json = await runner.rosplay("plan", [vlan], ["--json"])
        #expect(json.stdout.contains("\"message\" : \"cannot add to /interface/vlan without vlan-id\""), "\(json.stdout)")
        #expect(json.stdout.contains("\"line\" : 3"), "\(json.stdout)")
        try await runner.stop()
    }

    @Test func filesThatCannotBeReadSayWhyNotHowFoundationSpellsIt() async {
        for (option, expected) in [("--password-file", "rosplay: error: --password-file: cannot read /nonexistent/pw: no such file"),
                                   ("--ca", "rosplay: error: --ca: cannot read /nonexistent/pw: no such file")] {
            let result = await CLIRunner.run(["drift", CLIRunner.fixtures + "/relay.yaml", "--router", "127.0.0.1:1", option, "/nonexistent/pw"])
            #expect(result.status != 0)
            #expect(result.stderr.contains(expected), "\(result.stderr)")
            #expect(!result.stderr.contains("NSCocoaErrorDomain"))
        }
    }

    /// `rosplay ARGUMENTS` on a pseudo-terminal (util-linux `script`); `input` is typed once
    /// `prompt` has appeared (typed earlier, the terminal would echo it and `getpass` discard it).
    static func onTerminal(_ arguments: [String], input: String = "", after prompt: String = "",
                           environment: [String: String] = [:]) async -> CLIRunner.Result {
        let command = ([CLIRunner.executable] + arguments).map { "'\($0)'" }.joined(separator: " ")
        return await withCheckedContinuation { continuation in
            Thread {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
                process.arguments = ["-qec", command, "/dev/null"]
                process.environment = environment
                let stdin = Pipe(), stdout = Pipe()
                process.standardInput = stdin
                process.standardOutput = stdout
                process.standardError = stdout
                do { try process.run() } catch {
                    continuation.resume(returning: CLIRunner.Result(status: -1, stdout: "", stderr: "\(error)"))
                    return
                }
                // A prompt that never comes would leave it waiting for input: bounded.
                DispatchQueue.global().asyncAfter(deadline: .now() + 30) { if process.isRunning { process.terminate() } }
                var output = Data()
                var typed = false
                while true {
                    let chunk = stdout.fileHandleForReading.availableData
                    if chunk.isEmpty { break }
                    output += chunk
                    if !typed, String(decoding: output, as: UTF8.self).contains(prompt) {
                        typed = true
                        stdin.fileHandleForWriting.write(Data(input.utf8))
                        try? stdin.fileHandleForWriting.close()
                    }
                }
                process.waitUntilExit()
                continuation.resume(returning: CLIRunner.Result(status: process.terminationStatus, stdout: String(decoding: output, as: UTF8.self), stderr: ""))
            }.start()
        }
    }

    @Test func onATerminalPlansAreColouredUnlessNoColourAndThePasswordIsAskedFor() async throws {
        let runner = try await CLIRunner.start()
        let base = ["plan", CLIRunner.fixtures + "/relay.yaml", "--router", "127.0.0.1:\(runner.server.apiSSLPort!)", "--user", CLIRunner.user.name,
                    "--no-certificate", "--detailed-exitcode"]
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let environment = ["WG_PRIVATE_KEY": CLIRunner.privateKey, "ROSPLAY_PASSWORD": CLIRunner.password, "TERM": "xterm", "PATH": path, "LANG": "C.UTF-8"]
        let coloured = await Self.onTerminal(base, environment: environment)
        #expect(coloured.status == 2, "\(coloured.stdout)")
        #expect(coloured.stdout.contains("\u{1B}[32m+\u{1B}[0m add name=wg-vps"), "\(coloured.stdout)")
        let plain = await Self.onTerminal(base, environment: environment.merging(["NO_COLOR": "1"]) { $1 })
        #expect(plain.status == 2)
        #expect(!plain.stdout.contains("\u{1B}[3"), "\(plain.stdout)")
        #expect(plain.stdout.contains("  + add name=wg-vps"))
        let dumb = await Self.onTerminal(base, environment: environment.merging(["TERM": "dumb"]) { $1 })
        #expect(dumb.status == 2)
        #expect(!dumb.stdout.contains("\u{1B}"), "\(dumb.stdout)")
        // In sync: 0, not 2.
        let identity = NSTemporaryDirectory() + "rosplay-in-sync-\(UUID().uuidString).yaml"
        defer { try? FileManager.default.removeItem(atPath: identity) }
        try "menus:\n  /system/identity:\n    name: MikroTik\n".write(toFile: identity, atomically: true, encoding: .utf8)
        var unchanged = base
        unchanged[1] = identity
        #expect(await Self.onTerminal(unchanged, environment: environment).status == 0)
        // No password given anywhere: asked for on the terminal, not echoed, then used.
        var asked = environment
        asked["ROSPLAY_PASSWORD"] = nil
        let prompt = "Password for \(CLIRunner.user.name) at 127.0.0.1:\(runner.server.apiSSLPort!): "
        let prompted = await Self.onTerminal(base, input: CLIRunner.password + "\n", after: prompt, environment: asked)
        #expect(prompted.stdout.contains(prompt), "\(prompted.stdout)")
        #expect(!prompted.stdout.contains(CLIRunner.password), "the password was echoed")
        #expect(prompted.status == 2, "\(prompted.stdout)")
        try await runner.stop()
    }
}
