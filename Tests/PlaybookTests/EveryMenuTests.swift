import Playbook
import RouterModel
import Testing

/// A playbook may name any menu of the router's version: validation never claims RouterOS lacks a
/// menu it has, still suggests the menu meant for a real typo, and says what a menu without a
/// known identity needs.
struct EveryMenuTests {
    func diagnostics(_ yaml: String) -> [String] {
        validationDiagnostics(yaml, environment: ["PPPOE_PASSWORD": "p"])
    }

    /// The home configuration the curated catalog once refused, menu by menu.
    @Test func aHomeRouterValidates() {
        let yaml = """
        secrets:
          PPPOE_PASSWORD: { env: PPPOE_PASSWORD }
        menus:
          /interface/pppoe-client:
            - { name: pppoe-wan, interface: ether1, user: isp, password: "${PPPOE_PASSWORD}", add-default-route: yes }
          /ipv6/dhcp-client:
            - { interface: pppoe-wan, request: prefix, pool-name: isp-pd, pool-prefix-length: 64 }
          /ip/dhcp-server/lease:
            - { mac-address: "48:a9:8a:00:00:10", address: 192.168.88.10, server: defconf }
          /system/ntp/client:
            enabled: yes
          /snmp:
            enabled: yes
        """
        #expect(diagnostics(yaml) == [])
    }

    @Test func aTypoStillGetsItsSuggestion() {
        let found = diagnostics("menus:\n  /ipv6/dhcp-clinet:\n    - { interface: ether1 }\n")
        #expect(found.count == 1)
        #expect(found.first?.contains("RouterOS 7.20.8 has no menu /ipv6/dhcp-clinet") == true, "\(found)")
        #expect(found.first?.contains("/ipv6/dhcp-client") == true, "\(found)")
    }

    @Test func aMenuWithoutAnIdentityAsksForOneAndListsItsProperties() {
        let found = diagnostics("menus:\n  /interface/bridge/filter:\n    - { chain: forward, action: drop }\n")
        #expect(found.count == 1)
        #expect(found.first?.contains("identity:") == true, "\(found)")
        #expect(found.first?.contains("in-interface") == true, "\(found)")
        #expect(diagnostics("menus:\n  /interface/bridge/filter:\n    identity: [chain, comment]\n    entries:\n      - { chain: forward, action: drop, comment: x }\n") == [])
    }

    @Test func derivedKindsRefuseWhatRouterOSRefuses() {
        let found = diagnostics("menus:\n  /tool/netwatch:\n    - { host: 192.0.2.1, interval: 0s }\n")
        #expect(found == ["p.yaml:3:36: error: /tool/netwatch interval: '0s' out of range (00:00:01 .. 497d02:27:52.950)"], "\(found)")
    }

    @Test func aMenuWithNothingToConfigureIsSaidSo() {
        let found = diagnostics("menus:\n  /system/resource:\n    uptime: 1d\n")
        #expect(found.first?.contains("holds no configuration") == true, "\(found)")
    }
}
