/// Menus where the order of entries is behaviour: the first matching rule wins. A playbook's
/// order is kept there, and new entries are placed among the existing ones. Each must have
/// `move` in every version that has the menu (checked by the schema tests).
///
/// Source: MikroTik manual (firewall, bridge filter, routing filters and rules, simple queues,
/// IPsec policies, wifi access list, proxy and socks access: "rules are processed in order").
enum OrderedMenus {
    static let paths: Set<String> = [
        "/ip/firewall/filter", "/ip/firewall/nat", "/ip/firewall/mangle", "/ip/firewall/raw",
        "/ipv6/firewall/filter", "/ipv6/firewall/nat", "/ipv6/firewall/mangle", "/ipv6/firewall/raw",
        "/interface/bridge/filter", "/interface/bridge/nat",
        "/routing/filter/rule", "/routing/filter/select-rule", "/routing/rule", "/routing/bfd/configuration",
        "/queue/simple", "/ip/ipsec/policy", "/interface/wifi/access-list",
        "/ip/proxy/access", "/ip/socks/access", "/ip/hotspot/walled-garden", "/ip/hotspot/walled-garden/ip",
        "/routing/ospf/interface-template", "/routing/isis/interface-template",
        "/routing/pimsm/interface-template", "/mpls/ldp/accept-filter", "/mpls/ldp/advertise-filter",
    ]
}
