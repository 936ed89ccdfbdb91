/// Properties RouterOS renamed between versions, for "did you mean" when a playbook uses the other name.
public enum PropertyRenames {
    /// Old name → new name, and the reverse, per menu. Sources: Ansible community.routeros changelog and
    /// `_api_data.py` (afi in 7.19, responder in 7.17, add-path in 7.22), checked against the embedded schemas.
    public static let pairs: [String: [(String, String)]] = [
        "/routing/bgp/connection": [("address-families", "afi"), ("add-path-out", "output.add-path")],
        "/routing/bgp/template": [("address-families", "afi"), ("add-path-out", "output.add-path")],
        "/interface/wireguard/peers": [("is-responder", "responder")],
    ]

    /// The other name of `name` in `menu`, if RouterOS renamed it.
    public static func counterpart(of name: String, in menu: String) -> String? {
        for (old, new) in pairs[menu] ?? [] {
            if old == name { return new }
            if new == name { return old }
        }
        return nil
    }
}
