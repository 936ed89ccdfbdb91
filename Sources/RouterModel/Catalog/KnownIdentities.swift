/// Identity properties for menus the catalog does not otherwise describe and whose entries have
/// no `name`: what one of their entries is about, as people and Ansible's `api_modify` key them.
/// Other menus without `name` need `identity:` in the playbook.
enum KnownIdentities {
    static let byMenu: [String: [String]] = [
        "/ip/dhcp-server/lease": ["mac-address"],
        "/ipv6/dhcp-client": ["interface"],
        "/ip/arp": ["address", "interface"],
        "/ipv6/neighbor": ["address", "interface"],
        "/ipv6/nd/proxy": ["address", "interface"],
        "/system/ntp/client/servers": ["address"],
        "/system/logging": ["topics", "action"],
        "/ip/dns/adlist": ["url"],
        "/ip/upnp/interfaces": ["interface"],
        "/ip/nat-pmp/interfaces": ["interface"],
        "/routing/igmp-proxy/interface": ["interface"],
        "/routing/ospf/area/range": ["area", "prefix"],
        "/ip/traffic-flow/target": ["dst-address", "port"],
        "/ppp/l2tp-secret": ["address"],
    ]
}
