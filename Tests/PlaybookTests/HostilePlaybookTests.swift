import RouterModel
import Testing
@testable import Playbook

/// Regression tests for playbooks that once crashed `rosplay validate` or printed more than the problem.
struct HostilePlaybookTests {
    let schema = RouterSchema.embedded(RouterOSVersion("7.20.8")!)!

    func diagnostics(_ yaml: String) -> [String] {
        validationDiagnostics(yaml)
    }

    @Test func hugeIntervalIsOutOfRangeAtItsLocation() {
        let problems = diagnostics("""
        menus:
          /ipv6/firewall/address-list:
            - { list: l, address: 2001:db8::/48, timeout: 99999999999999999999 }
          /ip/firewall/address-list:
            - { list: l, address: 192.0.2.1, timeout: 9999999999999:00:00 }
        """)
        #expect(problems == [
            "p.yaml:3:51: error: /ipv6/firewall/address-list timeout: '99999999999999999999' out of range (00:00:00 .. 106751991167d07:12:55.807)",
            "p.yaml:5:47: error: /ip/firewall/address-list timeout: '9999999999999:00:00' out of range (00:00:00 .. 248d13:13:56)",
        ], "\(problems)")
    }

    @Test func duplicatedKeyNamesTheKeyNotTheFile() {
        let secret = "qlEX9r4fwD8GzDR6cWQFDHdEjGtpsQVcURRZTZEy1uM="
        let problems = diagnostics("""
        menus:
          /interface/wireguard:
            - name: wg0
              private-key: \(secret)
              private-key: \(secret)
        """)
        #expect(problems.count == 1)
        #expect(problems == ["p.yaml:5:7: error: YAML: key 'private-key' given again in the same mapping (first at line 4)"], "\(problems)")
        #expect(!problems.joined().contains(secret))
    }

    /// The duplicate is named where it is written the second time: the line to delete.
    @Test(arguments: [
        ("menus:\n  /system/identity: { name: a }\n# a comment\n\nmenus: {}\n", "p.yaml:5:1: error: YAML: key 'menus' given again in the same mapping (first at line 1)"),
        ("menus:\n  /system/identity: { name: a, \"name\": b }\n", "p.yaml:2:32: error: YAML: key 'name' given again in the same mapping (first at line 2)"),
        ("menus:\n  /ip/pool:\n    - name: a\n      ranges: 10.0.0.1-10.0.0.9\n    - name: b\n      ranges: 10.0.1.1-10.0.1.9\n      name: c\n",
         "p.yaml:7:7: error: YAML: key 'name' given again in the same mapping (first at line 5)"),
    ])
    func duplicatedKeyIsNamedWhereItIsRepeated(yaml: String, expected: String) {
        #expect(diagnostics(yaml) == [expected])
    }

    @Test func unreadableCharacterNamesItsPositionNotTheLine() {
        let secret = "tcp-md5-secret-value"
        let problems = diagnostics("menus:\n  /system/identity:\n    name: \(secret)\u{1}\n")
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("p.yaml:3:") == true, "\(problems)")
        #expect(!problems.joined().contains(secret))
    }
}
