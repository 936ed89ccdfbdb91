/// An entry every RouterOS router has before any configuration: it cannot be removed, and a
/// playbook can only `set` it.
public struct BuiltinEntry: Hashable, Sendable {
    public let menu: String
    /// The values that identify it or differ from the menu's defaults, in print order.
    public let properties: [Property]

    public struct Property: Hashable, Sendable {
        public let name: String
        public let value: String
    }

    init(_ menu: String, _ properties: KeyValuePairs<String, String>) {
        self.menu = menu
        self.properties = properties.map { Property(name: $0.key, value: $0.value) }
    }
}

extension MenuCatalog {
    /// Built-in entries of every router, whatever the board, in the order RouterOS numbers them.
    public static let builtinEntries: [BuiltinEntry] = [
        // Source: MikroTik manual "Interface Lists": lists all, none, dynamic, static are predefined.
        BuiltinEntry("/interface/list", ["name": "all", "builtin": "true"]),
        BuiltinEntry("/interface/list", ["name": "none", "builtin": "true"]),
        BuiltinEntry("/interface/list", ["name": "dynamic", "builtin": "true"]),
        BuiltinEntry("/interface/list", ["name": "static", "builtin": "true"]),
        // Source: Services manual page (print example: ports, www-ssl disabled, certificate none on www-ssl
        // and api-ssl); ROUTEROS.md §5 (api and api-ssl enabled by default on a 7.20.4 export). The RB5009
        // factory state of each service is not verified.
        BuiltinEntry("/ip/service", ["name": "telnet", "port": "23", "disabled": "false"]),
        BuiltinEntry("/ip/service", ["name": "ftp", "port": "21", "disabled": "false"]),
        BuiltinEntry("/ip/service", ["name": "www", "port": "80", "disabled": "false"]),
        BuiltinEntry("/ip/service", ["name": "ssh", "port": "22", "disabled": "false"]),
        BuiltinEntry("/ip/service", ["name": "www-ssl", "port": "443", "disabled": "true", "certificate": "none", "tls-version": "any"]),
        BuiltinEntry("/ip/service", ["name": "api", "port": "8728", "disabled": "false"]),
        BuiltinEntry("/ip/service", ["name": "winbox", "port": "8291", "disabled": "false"]),
        BuiltinEntry("/ip/service", ["name": "api-ssl", "port": "8729", "disabled": "false", "certificate": "none", "tls-version": "any"]),
        // Source: ROUTEROS.md /ipv6/nd: a built-in entry interface=all with the `*` default flag. Whether the
        // API prints `default=true` is unverified.
        BuiltinEntry("/ipv6/nd", ["interface": "all", "default": "true"]),
        // Source: CLI reference (template `default` with the `*` flag); exports `set default as=…` on 7.16, 7.20.4.
        BuiltinEntry("/routing/bgp/template", ["name": "default", "default": "true"]),
        // Source: Routing tables manual page: `main` always exists. Printed flags assumed.
        BuiltinEntry("/routing/table", ["name": "main", "fib": "", "builtin": "true"]),
        // Source: Users manual page: groups read, write, full are predefined.
        BuiltinEntry("/user/group", ["name": "read", "builtin": "true"]),
        BuiltinEntry("/user/group", ["name": "write", "builtin": "true"]),
        BuiltinEntry("/user/group", ["name": "full", "builtin": "true"]),
    ]
}
