/// The menus whose entries are interfaces, and the `type` each prints under `/interface`.
/// Their names are the names `/interface` references resolve to (with the board's ports).
public enum InterfaceTypes {
    public static let typeByMenu: [String: String] = [
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
    public static let menus = typeByMenu.keys.sorted()

    public static func isInterfaceMenu(_ menu: String) -> Bool {
        typeByMenu[menu] != nil
    }
}
