import RouterModel

extension LockoutGuard {
    /// Risks of one operation to what carries the session: its local address (or the one its
    /// route's gateway sits on), the interfaces it arrives on and rides on, its route, its WireGuard peer.
    func pathRisks(_ operation: Operation) -> [LockoutRisk] {
        let menu = operation.menu
        if menu == path.menus.address { return addressRisks(operation) }
        if menu == path.menus.route { return routeRisks(operation) }
        if menu == "/interface/wireguard/peers" { return peerRisks(operation) }
        if menu == "/interface/bridge/port" { return bridgePortRisks(operation) }
        if schema.spec(for: menu)?.interfaceType != nil || menu == "/interface" { return interfaceRisks(operation) }
        return []
    }

    // MARK: - Address

    private func addressRisks(_ operation: Operation) -> [LockoutRisk] {
        let (target, what): (IPText.Address?, String)
        if operation.id != nil && operation.id == path.localAddressID {
            (target, what) = (path.address, "the session from \(path.address.text) arrives on this address's network")
        } else if operation.id != nil && operation.id == path.gatewayAddressID {
            (target, what) = (routeGateway, "the session's route reaches its gateway through this address's network")
        } else {
            return addressShadowingRisks(operation)
        }
        let interface = liveEntry(operation)?.properties["interface"] ?? "?"
        if operation.kind == .remove { return [risk(operation, "\(what) (\(interface))")] }
        if disables(operation) { return [risk(operation, "it disables the address; \(what) (\(interface))")] }
        if let change = change(of: "interface", in: operation) {
            return [risk(operation, "it moves the address from \(change.old ?? "?") to \(change.new ?? "none"); \(what)")]
        }
        if let change = change(of: "address", in: operation), let target,
           change.new.flatMap(AddressSpan.init)?.contains(target) != true {
            return [risk(operation, "it changes the address to \(change.new ?? "none"), whose network no longer holds \(target.text); \(what)")]
        }
        return []
    }

    /// An address added (or changed) elsewhere whose network holds the session's address more
    /// specifically than what carries it now: its connected route takes the session's replies.
    private func addressShadowingRisks(_ operation: Operation) -> [LockoutRisk] {
        guard operation.kind == .add || operation.kind == .set, let current = path.matchedPrefixLength else { return [] }
        let address = after(operation)
        guard address["disabled"] != "true", let text = address["address"], let (_, length) = IPText.prefix(text),
              length > current, AddressSpan(text)?.contains(path.address) == true,
              address["interface"] != path.interfaces.first else { return [] }
        return [risk(operation, "the network of \(text) on \(address["interface"] ?? "?") holds \(path.address.text) more specifically than the /\(current) that carries the session now, and takes its replies")]
    }

    /// The address of the session's route's gateway, when it is one.
    private var routeGateway: IPText.Address? {
        let route = path.live[path.menus.route]?.first { $0.id == path.routeID }
        return route?.properties["gateway"].flatMap { IPText.Address(String($0.split(separator: "%").first ?? "")) }
    }

    // MARK: - Route

    private func routeRisks(_ operation: Operation) -> [LockoutRisk] {
        if operation.id != nil && operation.id == path.routeID {
            let what = "the session's replies to \(path.address.text) take this route"
            if operation.kind == .remove { return [risk(operation, what)] }
            if disables(operation) { return [risk(operation, "it disables the route; \(what)")] }
            for name in ["gateway", "routing-table", "vrf-interface"] {
                if let change = change(of: name, in: operation) {
                    return [risk(operation, "it changes \(name) from \(change.old ?? "none") to \(change.new ?? "none"); \(what)")]
                }
            }
            if let change = change(of: "dst-address", in: operation), change.new.flatMap(AddressSpan.init)?.contains(path.address) != true {
                return [risk(operation, "it changes the destination to \(change.new ?? "none"), which no longer holds \(path.address.text); \(what)")]
            }
            return []
        }
        return shadowingRisks(operation)
    }

    /// A route added or changed to hold the session's address more specifically than what carries it now takes its replies.
    private func shadowingRisks(_ operation: Operation) -> [LockoutRisk] {
        guard operation.kind == .add || operation.kind == .set, let current = path.matchedPrefixLength else { return [] }
        let route = after(operation)
        guard route["disabled"] != "true", (route["routing-table"] ?? "main") == "main",
              let destination = route["dst-address"] ?? (operation.kind == .add ? (path.address.family == .v4 ? "0.0.0.0/0" : "::/0") : nil),
              let (_, length) = IPText.prefix(destination), AddressSpan(destination)?.contains(path.address) == true else { return [] }
        let currentGateway = path.live[path.menus.route]?.first { $0.id == path.routeID }?.properties["gateway"]
        let gateway = route["gateway"] ?? "none"
        if length > current && (path.routeID == nil || gateway != currentGateway) {
            return [risk(operation, "route \(destination) via \(gateway) is more specific than the /\(current) that carries the session from \(path.address.text) now, and takes its replies")]
        }
        if length == current && path.routeID != nil && gateway != currentGateway {
            return [risk(operation, .cannotTell, "route \(destination) via \(gateway) is as specific as the session's route via \(currentGateway ?? "?"); which one wins depends on distance")]
        }
        return []
    }

    // MARK: - WireGuard peer

    private func peerRisks(_ operation: Operation) -> [LockoutRisk] {
        guard operation.id != nil && operation.id == path.wireGuardPeerID else { return [] }
        let what = "the session from \(path.address.text) comes through this WireGuard peer"
        if operation.kind == .remove { return [risk(operation, what)] }
        if disables(operation) { return [risk(operation, "it disables the peer; \(what)")] }
        if let change = change(of: "allowed-address", in: operation), change.new.flatMap(holdsSession) != true {
            return [risk(operation, "its allowed-address becomes \(change.new ?? "none"), which no longer holds \(path.address.text); \(what)")]
        }
        for name in ["public-key", "preshared-key", "interface"] {
            if change(of: name, in: operation) != nil { return [risk(operation, "it changes the peer's \(name); \(what)")] }
        }
        for name in ["endpoint-address", "endpoint-port"] {
            if change(of: name, in: operation) != nil { return [risk(operation, .cannotTell, "it changes the peer's \(name); \(what)")] }
        }
        return []
    }

    // MARK: - Interfaces

    /// The interface name an operation on an interface menu acts on.
    private func interfaceName(_ operation: Operation) -> String? {
        if let id = operation.id, let name = path.live["/interface"]?.first(where: { $0.id == id })?.properties["name"] {
            return name
        }
        return operation.label.split(separator: " ").first { $0.hasPrefix("name=") }.map { String($0.dropFirst(5)) }
    }

    private func interfaceRisks(_ operation: Operation) -> [LockoutRisk] {
        guard operation.kind != .add, let name = interfaceName(operation), let position = path.interfaces.firstIndex(of: name) else { return [] }
        let what = position == 0
            ? "the session from \(path.address.text) arrives on \(name)"
            : "the session arrives on \(path.interfaces[0]), which rides on \(name)"
        if operation.kind == .remove { return [risk(operation, what)] }
        if disables(operation) { return [risk(operation, "it disables \(name); \(what)")] }
        let breaking = operation.menu == "/interface/vlan" ? ["vlan-id", "interface"]
            : operation.menu == "/interface/wireguard" ? ["private-key", "listen-port"] : []
        if let changed = breaking.first(where: { change(of: $0, in: operation) != nil }) {
            return [risk(operation, "it changes \(name)'s \(changed); \(what)")]
        }
        return []
    }

    /// Making an interface the session arrives on a bridge port takes its addresses away; removing
    /// a port of the bridge it arrives on may take the port it comes through.
    private func bridgePortRisks(_ operation: Operation) -> [LockoutRisk] {
        let port = after(operation)
        if operation.kind == .add || change(of: "interface", in: operation) != nil,
           port["disabled"] != "true", let interface = port["interface"], let position = path.interfaces.firstIndex(of: interface),
           !isBridge(interface) {
            let role = position == 0 ? "arrives on" : "rides on"
            return [risk(operation, "it makes \(interface), which the session from \(path.address.text) \(role), a port of bridge \(port["bridge"] ?? "?")")]
        }
        let live = liveEntry(operation)?.properties ?? [:]
        if operation.kind == .remove || disables(operation) || change(of: "bridge", in: operation) != nil,
           let bridge = live["bridge"], path.interfaces.contains(bridge) {
            return [risk(operation, .cannotTell, "the session arrives on bridge \(bridge); whether through port \(live["interface"] ?? "?") the guard cannot tell")]
        }
        return []
    }

    private func isBridge(_ name: String) -> Bool {
        path.live["/interface"]?.first { $0.properties["name"] == name }?.properties["type"] == "bridge"
    }
}
