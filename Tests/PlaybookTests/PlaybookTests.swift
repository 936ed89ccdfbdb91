import Foundation
import RouterModel
import Testing
@testable import Playbook

/// Loading and validating playbooks: locations, variables, secrets, includes.
struct PlaybookTests {
    let schema = RouterSchema.embedded(RouterOSVersion("7.20.8")!)!

    func validate(_ yaml: String, environment: [String: String] = [:], overrides: [String: String] = [:]) throws -> DesiredState {
        try PlaybookValidator(schema: schema, overrides: overrides, environment: environment).validate(PlaybookLoader.load(text: yaml, file: "p.yaml"))
    }

    func diagnostics(_ yaml: String, environment: [String: String] = [:]) -> [String] {
        validationDiagnostics(yaml, environment: environment)
    }

    @Test func anUnreadablePlaybookSaysWhyAndAnAbsoluteIncludeIsItself() throws {
        let directory = NSTemporaryDirectory() + "rosplay-read-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Data([0x61, 0x00, 0x62]).write(to: URL(fileURLWithPath: directory + "/binary.yaml"))
        try Data([0x6D, 0x3A, 0x20, 0xFF, 0xFE]).write(to: URL(fileURLWithPath: directory + "/latin.yaml"))
        try "menus:\n  /system/identity: { name: from-part }\n".write(toFile: directory + "/part.yaml", atomically: true, encoding: .utf8)
        try "include: [\"\(directory)/part.yaml\"]\n".write(toFile: directory + "/main.yaml", atomically: true, encoding: .utf8)
        func problems(_ file: String) -> [String] { PlaybookLoader.load([directory + "/" + file]).problems.map(\.description) }
        #expect(problems("none.yaml").first?.hasSuffix("no such file") == true, "\(problems("none.yaml"))")
        #expect(problems("binary.yaml").first?.contains("it is a binary file") == true)
        #expect(problems("latin.yaml").first?.contains("it is not UTF-8 text") == true)
        let included = PlaybookLoader.load([directory + "/main.yaml"])
        #expect(included.problems.isEmpty, "\(included.problems)")
        #expect(included.menus.count == 1)
    }

    @Test func oneRootCauseGivesOneMessage() {
        // An undefined variable in an identity property is not also an entry without identity.
        let undefined = diagnostics("menus:\n  /interface/vlan:\n    - { name: \"${NOPE}\", vlan-id: 10, interface: bridge }\n")
        #expect(undefined.count == 1 && undefined.first?.contains("undefined variable ${NOPE}") == true, "\(undefined)")
        // Two bad addresses are two bad addresses, not also a duplicate.
        let bad = diagnostics("menus:\n  /ipv6/address:\n    - { address: \"zz::1/64\", interface: bridge }\n    - { address: \"yy::1/64\", interface: bridge }\n")
        #expect(bad.count == 2, "\(bad)")
        #expect(!bad.contains { $0.contains("a second entry") }, "\(bad)")
    }

    @Test func yamlSyntaxErrorsNameLineAndColumn() {
        let problems = diagnostics("menus:\n  /ip/address:\n    - address: [1, 2\n")
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("p.yaml:4:1: error: YAML:") == true, "\(problems)")
    }

    @Test func everyProblemIsReportedAtOnce() {
        let problems = diagnostics("""
        menuz: {}
        menus:
          /ip/adress:
            - { address: 192.0.2.1/24 }
          /interface/wireguard:
            - { name: wg0, listen-port: nope, colour: blue }
        """)
        #expect(problems.contains("p.yaml:1:1: error: unknown top-level key 'menuz' (did you mean 'menus'?)"), "\(problems)")
        #expect(problems.contains("p.yaml:3:3: error: RouterOS 7.20.8 has no menu /ip/adress (did you mean '/ip/address'?)"), "\(problems)")
        #expect(problems.contains { $0.hasPrefix("p.yaml:6:33: error: /interface/wireguard listen-port: 'nope'") }, "\(problems)")
        #expect(problems.contains { $0.hasPrefix("p.yaml:6:39: error: RouterOS 7.20.8 has no property colour") }, "\(problems)")
    }

    @Test func variablesComeFromVarThenEnvironmentThenVarsDefaults() throws {
        let yaml = "vars:\n  IF: wg-a\nmenus:\n  /interface/wireguard:\n    - { name: \"${IF}\", comment: \"${NOTE}\" }\n"
        #expect(try validate(yaml, environment: ["NOTE": "n"]).menus[0].entries[0]["name"] == "wg-a")
        #expect(try validate(yaml, environment: ["NOTE": "n", "IF": "wg-env"]).menus[0].entries[0]["name"] == "wg-env")
        #expect(try validate(yaml, environment: ["NOTE": "n", "IF": "wg-env"], overrides: ["IF": "wg-var"]).menus[0].entries[0]["name"] == "wg-var")
        #expect(diagnostics(yaml) == ["p.yaml:5:33: error: undefined variable ${NOTE}"])
    }

    @Test func secretsAreMarkedAndMissingOnesRefused() throws {
        let yaml = "secrets:\n  K: { env: WG_KEY }\nmenus:\n  /interface/wireguard:\n    - { name: wg0, comment: \"key ${K}\" }\n"
        let entry = try validate(yaml, environment: ["WG_KEY": "s3cret"]).menus[0].entries[0]
        #expect(entry.sensitive == ["comment"])
        #expect(diagnostics(yaml).first == "p.yaml:2:3: error: secret K: environment variable WG_KEY is not set")
    }

    @Test func entriesSharingAnIdentityAreRefused() {
        let problems = diagnostics("menus:\n  /interface/wireguard:\n    - { name: wg0 }\n    - { name: wg0, mtu: 1400 }\n")
        #expect(problems == ["p.yaml:4:7: error: /interface/wireguard: a second entry with name = wg0; the first is at p.yaml:3:7"])
    }

    @Test func includesAreRelativeAndEachFileIsReadOnce() throws {
        let directory = NSTemporaryDirectory() + "playbook-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory + "/parts", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "include: [parts/a.yaml]\nmenus:\n  /system/identity: { name: main }\n".write(toFile: directory + "/main.yaml", atomically: true, encoding: .utf8)
        try "include: [../main.yaml]\nmenus:\n  /interface/wireguard:\n    - { name: wg0 }\n".write(toFile: directory + "/parts/a.yaml", atomically: true, encoding: .utf8)
        // A cycle (or a part included from two places) is read once.
        let cycle = PlaybookLoader.load([directory + "/main.yaml"])
        #expect(cycle.problems.isEmpty)
        #expect(cycle.menus.map(\.path.value) == ["/interface/wireguard", "/system/identity"])
        try "menus:\n  /interface/wireguard:\n    - { name: wg0 }\n".write(toFile: directory + "/parts/a.yaml", atomically: true, encoding: .utf8)
        let document = PlaybookLoader.load([directory + "/main.yaml"])
        #expect(document.problems.isEmpty)
        #expect(document.menus.map(\.path.value) == ["/interface/wireguard", "/system/identity"])
    }

    @Test func environmentFilesReadAsTheShellWould() throws {
        let path = NSTemporaryDirectory() + "env-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try """
        # comment
        export A=plain   # trailing comment
        B="quoted value"
        export C='single'
        export D=1 E="two words" F=3 # comment

        """.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try EnvironmentFile.read(path) == ["A": "plain", "B": "quoted value", "C": "single", "D": "1", "E": "two words", "F": "3"])
    }
}
