/// The menus whose entries are interfaces, and the `type` each prints under `/interface`.
enum InterfaceTypes {
    static let typeByMenu: [String: String] = [
        "/interface/ethernet": "ether",
        "/interface/bridge": "bridge",
        "/interface/vlan": "vlan",
        "/interface/wireguard": "wg",
        "/interface/gre6": "gre6-tunnel",
        "/interface/gre": "gre-tunnel",
        "/interface/6to4": "6to4-tunnel",
        "/interface/ovpn-client": "ovpn-out",
    ]

    /// Interface menus in the order `/interface print` lists them.
    static let menus = typeByMenu.keys.sorted()

    static func isInterfaceMenu(_ menu: String) -> Bool {
        typeByMenu[menu] != nil
    }
}
