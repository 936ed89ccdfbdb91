import RouterModel
@testable import Reconciler

/// A router held in memory for the lock-out guard tests: an RB5009-like defconf (LAN bridge with
/// a VLAN, WAN on ether1, WireGuard wg0) plus an input rule letting the `mgmt` address list reach
/// api-ssl from the WAN, and sessions from each side.
enum LockoutFixture {
    static func entry(_ id: String, _ properties: KeyValuePairs<String, String>) -> LiveEntry {
        LiveEntry(id: id, properties: Dictionary(uniqueKeysWithValues: properties.map { ($0.key, $0.value) }))
    }

    static let live: [String: [LiveEntry]] = [
        "/interface": [
            entry("*1", ["name": "ether1", "type": "ether"]),
            entry("*2", ["name": "ether2", "type": "ether"]),
            entry("*B", ["name": "bridge", "type": "bridge"]),
            entry("*C", ["name": "wg0", "type": "wg"]),
            entry("*D", ["name": "vlan20", "type": "vlan"]),
        ],
        "/interface/vlan": [entry("*D", ["name": "vlan20", "interface": "bridge", "vlan-id": "20"])],
        "/interface/bridge/port": [entry("*30", ["bridge": "bridge", "interface": "ether2"])],
        "/interface/list": [entry("*40", ["name": "LAN"]), entry("*41", ["name": "WAN"]), entry("*42", ["name": "all", "builtin": "true"])],
        "/interface/list/member": [entry("*50", ["list": "LAN", "interface": "bridge"]), entry("*51", ["list": "WAN", "interface": "ether1"])],
        "/interface/wireguard/peers": [
            entry("*60", ["interface": "wg0", "public-key": "cGVlcg==", "allowed-address": "10.9.0.2/32,10.50.0.0/24"]),
        ],
        "/ip/address": [
            entry("*70", ["address": "192.168.88.1/24", "interface": "bridge", "network": "192.168.88.0"]),
            entry("*71", ["address": "203.0.113.2/30", "interface": "ether1", "network": "203.0.113.0"]),
            entry("*72", ["address": "10.9.0.1/24", "interface": "wg0", "network": "10.9.0.0"]),
            entry("*73", ["address": "10.20.0.1/24", "interface": "vlan20", "network": "10.20.0.0"]),
        ],
        "/ipv6/address": [],
        "/ip/route": [entry("*80", ["dst-address": "0.0.0.0/0", "gateway": "203.0.113.1", "distance": "1", "routing-table": "main"])],
        "/ip/service": [
            entry("*90", ["name": "api", "port": "8728", "disabled": "false"]),
            entry("*91", ["name": "api-ssl", "port": "8729", "disabled": "false", "certificate": "api"]),
        ],
        "/user": [entry("*A0", ["name": "rosplay", "group": "rosplay"]), entry("*A1", ["name": "admin", "group": "full"])],
        "/user/group": [
            entry("*B0", ["name": "rosplay", "policy": "read,write,api,sensitive,test,!ftp"]),
            entry("*B1", ["name": "read", "builtin": "true"]),
            entry("*B2", ["name": "full", "builtin": "true"]),
        ],
        "/ip/firewall/filter": [
            entry("*F1", ["chain": "input", "action": "accept", "connection-state": "established,related,untracked", "comment": "defconf: accept established,related,untracked"]),
            entry("*F2", ["chain": "input", "action": "drop", "connection-state": "invalid", "comment": "defconf: drop invalid"]),
            entry("*F3", ["chain": "input", "action": "accept", "protocol": "icmp", "comment": "defconf: accept ICMP"]),
            entry("*F4", ["chain": "input", "action": "accept", "dst-address": "127.0.0.1", "comment": "defconf: accept to local loopback (for CAPsMAN)"]),
            entry("*F6", ["chain": "input", "action": "accept", "protocol": "tcp", "dst-port": "8729", "src-address-list": "mgmt", "comment": "mgmt api"]),
            entry("*F5", ["chain": "input", "action": "drop", "in-interface-list": "!LAN", "comment": "defconf: drop all not coming from LAN"]),
        ],
        "/ip/firewall/address-list": [entry("*C0", ["list": "mgmt", "address": "198.51.100.0/24"])],
    ]

    /// The path of a session from `address` over api-ssl as user rosplay.
    static func path(from address: String, service: String = "api-ssl") throws -> SessionPath {
        let active = [entry("*5", ["name": "rosplay", "address": address, "via": "api", "when": "2026-12-02 11:59:00"])]
        return try SessionPath.resolve(user: "rosplay", service: service, activeSessions: active, live: live)
    }

    static let lan = "192.168.88.10"
    static let wan = "198.51.100.7"
    static let vlan = "10.20.0.5"
    static let tunnel = "10.9.0.2"

    /// One operation of a plan.
    static func operation(
        _ kind: Operation.Kind, _ menu: String, _ id: String?, label: String = "", _ changes: KeyValuePairs<String, String?> = [:], before: String? = nil
    ) -> Operation {
        let old = id.flatMap { id in live[menu]?.first { $0.id == id } }?.properties ?? [:]
        let changes = changes.map { PropertyChange(name: $0.key, old: old[$0.key], new: $0.value, sensitive: false) }
        return Operation(kind: kind, menu: menu, id: id, label: label, changes: changes, before: before, originalBefore: nil, location: nil)
    }

    /// The risks of a plan of `operations` (one level) for a session from `address`.
    static func risks(from address: String, service: String = "api-ssl", _ operations: Operation...) throws -> [LockoutRisk] {
        LockoutGuard(path: try path(from: address, service: service), schema: .closest(to: RouterOSVersion("7.20.8")!)).risks(in: Plan(levels: [operations]))
    }
}
