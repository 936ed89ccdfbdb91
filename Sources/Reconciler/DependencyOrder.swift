/// The order in which menus must be changed: what is referenced before what references it.
///
/// Adds and changes run by ascending level; removals afterwards, by descending level, so a
/// WireGuard peer goes before its interface and a BGP connection before its template.
enum DependencyOrder {
    static let levels: [String: Int] = [
        // Things that reference nothing managed.
        "/system/identity": 0, "/interface/ethernet": 0, "/interface/bridge": 0, "/interface/wireguard": 0,
        "/interface/list": 0, "/routing/table": 0, "/ip/pool": 0, "/ip/firewall/address-list": 0,
        "/ipv6/firewall/address-list": 0, "/routing/filter/rule": 0, "/system/script": 0, "/ip/dns": 0,
        "/ipv6/settings": 0, "/ip/service": 0, "/routing/id": 0, "/ip/neighbor/discovery-settings": 0,
        "/tool/mac-server": 0, "/tool/mac-server/mac-winbox": 0, "/user/group": 0,
        // Interfaces on interfaces, and members of bridges and lists.
        "/interface/vlan": 1, "/interface/gre6": 1, "/interface/gre": 1, "/interface/6to4": 1, "/interface/ovpn-client": 1,
        "/interface/bridge/port": 2, "/interface/bridge/vlan": 2, "/interface/wireguard/peers": 2, "/interface/list/member": 2,
        "/routing/bgp/instance": 2, "/user": 2, "/system/scheduler": 2, "/ip/dns/static": 2,
        // Addresses, routes, firewall, ND, BFD, BGP templates.
        "/ip/address": 3, "/ipv6/address": 3, "/ip/route": 3, "/ipv6/route": 3, "/ipv6/nd": 3,
        "/ip/firewall/filter": 3, "/ip/firewall/nat": 3, "/ip/firewall/mangle": 3, "/ip/firewall/raw": 3,
        "/ipv6/firewall/filter": 3, "/ipv6/firewall/mangle": 3, "/ipv6/firewall/raw": 3, "/ipv6/firewall/nat": 3,
        "/routing/bfd/configuration": 3, "/routing/bgp/template": 3, "/ip/dhcp-client": 3, "/ip/dhcp-server": 3,
        "/ip/dhcp-server/network": 3,
        // What references addresses, templates and instances.
        "/ipv6/nd/prefix": 4, "/routing/bgp/connection": 4,
    ]

    static let deepest = 5

    static func level(of menu: String) -> Int {
        levels[menu] ?? deepest
    }
}
