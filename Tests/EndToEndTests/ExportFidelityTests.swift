import Foundation
import MockRouter
import Playbook
import RouterModel
import RouterOSAPI
import Testing

/// `rosplay export` of a router configured with every kind of menu (curated, derived, settings,
/// ordered, secrets) says what the router holds, entry by entry, and planning it changes nothing.
@Suite(.timeLimit(.minutes(10))) struct ExportFidelityTests {
    @Test func theExportHoldsWhatTheRouterHoldsEntryByEntry() async throws {
        let environment = try SeedPlaybookTests.environment
        let runner = try await CLIRunner.start()
        let connection = ["--router", "127.0.0.1:\(runner.server.apiSSLPort!)", "--user", CLIRunner.user.name, "--password-file", runner.passwordFile, "--no-certificate"]
        let home = SeedPlaybookTests.directory + "/rb5009-home.yaml"
        let apply = await CLIRunner.run(["apply", home, "--yes"] + connection, environment: environment)
        #expect(apply.status == 0, "\(apply.all)")

        let file = NSTemporaryDirectory() + "export-\(UUID().uuidString).yaml"
        defer { try? FileManager.default.removeItem(atPath: file) }
        let export = await CLIRunner.run(["export", "--output", file] + connection)
        #expect(export.status == 0, "\(export.all)")
        let variables = export.stderr.matches(of: /ROSPLAY_SECRET\w+/).map { String($0.0) }
        // The secrets the export refers to, with the values the router holds.
        var secrets: [String: String] = [:]
        for variable in variables { secrets[variable] = "placeholder" }

        // What the export says, read as any playbook is.
        let schema = runner.server.device.schema
        let desired = try PlaybookValidator(schema: schema, environment: secrets, readSecrets: false).validate(PlaybookLoader.load([file]))
        let menus = desired.menus.map(\.path)
        for menu in ["/interface/pppoe-client", "/ipv6/dhcp-client", "/ip/dhcp-server/lease", "/system/ntp/client", "/snmp", "/snmp/community", "/ip/firewall/filter"] {
            #expect(menus.contains(menu), "the export leaves out \(menu)")
        }

        let client = try await runner.client()
        var compared = 0
        for menu in desired.menus {
            let live = try await client.execute(Command(menu.path + "/print")).rows.map(\.dictionary).filter { $0["dynamic"] != "true" }
            if menu.isSettings {
                for (name, value) in menu.entries[0].properties where !menu.entries[0].sensitive.contains(name) {
                    compared += 1
                    #expect(ValueNormalizer.sameValue(value, live.first?[name], as: menu.spec.properties[name]?.kind ?? .untyped), "\(menu.path) \(name): exported \(value), router \(live.first?[name] ?? "nothing")")
                }
                continue
            }
            for entry in menu.entries {
                let key = menu.identity(of: entry)
                let matches = live.filter { row in menu.identity.map { row[$0] ?? menu.spec.properties[$0]?.defaultValue } == key }
                #expect(matches.count == 1, "\(menu.path) \(key): \(matches.count) router entries have this identity")
                guard let row = matches.first else { continue }
                for (name, value) in entry.properties where !entry.sensitive.contains(name) {
                    compared += 1
                    #expect(ValueNormalizer.sameValue(value, row[name], as: menu.spec.properties[name]?.kind ?? .untyped), "\(menu.path) \(key) \(name): exported \(value), router \(row[name] ?? "nothing")")
                }
            }
            // Every configured entry of an exported list menu is in the export (built-in ones only when changed).
            if menu.spec.style == .list {
                let exported = Set(menu.entries.map { menu.identity(of: $0) })
                for row in live where row["builtin"] != "true" && row["default"] != "true" {
                    let key = menu.identity.map { row[$0] ?? menu.spec.properties[$0]?.defaultValue }
                    #expect(exported.contains(key), "\(menu.path) \(key) is on the router but not in the export")
                }
            }
        }
        #expect(compared >= 100, "only \(compared) values compared")

        // Planning the export against the same router changes nothing (secrets aside: their values
        // are the router's, which the export does not hold).
        var planEnvironment = secrets
        for variable in variables where variable.contains("PPPOE") { planEnvironment[variable] = environment["PPPOE_PASSWORD"] }
        for variable in variables where variable.contains("AUTHENTICATION_PASSWORD") { planEnvironment[variable] = environment["SNMP_AUTH_PASSWORD"] }
        for variable in variables where variable.contains("ENCRYPTION_PASSWORD") { planEnvironment[variable] = environment["SNMP_PRIVACY_PASSWORD"] }
        let plan = await CLIRunner.run(["plan", file] + connection, environment: planEnvironment)
        #expect(plan.stdout.contains("No changes"), "\(plan.all)")
        try await runner.stop()
    }
}
