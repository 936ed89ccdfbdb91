/// The `type` `/interface print` shows for entries of the interface menus the catalog does not
/// describe. Assumed from RouterOS's naming (`pppoe-client` entries are `pppoe-out`, server
/// bindings are `-in`); a menu not listed here prints its own last path component.
enum InterfaceTypes {
    static let derived: [String: String] = [
        "/interface/bonding": "bond", "/interface/eoip": "eoip", "/interface/eoipv6": "eoipv6-tunnel",
        "/interface/ipip": "ipip-tunnel", "/interface/ipipv6": "ipipv6-tunnel",
        "/interface/l2tp-client": "l2tp-out", "/interface/l2tp-server": "l2tp-in",
        "/interface/ovpn-server": "ovpn-in", "/interface/ppp-client": "ppp-out", "/interface/ppp-server": "ppp-in",
        "/interface/pppoe-client": "pppoe-out", "/interface/pppoe-server": "pppoe-in",
        "/interface/pptp-client": "pptp-out", "/interface/pptp-server": "pptp-in",
        "/interface/sstp-client": "sstp-out", "/interface/sstp-server": "sstp-in",
    ]

    /// Menus directly under `/interface` with named entries that are not interfaces.
    static let notInterfaces: Set<String> = ["/interface/list"]

    /// The type of `menu`'s entries when it is an interface menu the catalog does not describe:
    /// a list menu directly under `/interface` whose entries have a `name`.
    static func derivedType(of menu: String, style: MenuSpec.Style, hasName: Bool) -> String? {
        let components = menu.split(separator: "/")
        guard components.count == 2, components[0] == "interface", style == .list, hasName, !notInterfaces.contains(menu) else { return nil }
        return derived[menu] ?? String(components[1])
    }
}
