import RouterModel

extension SessionPath {
    /// Works out the session's path from `/user/active` rows and the live entries of the menus
    /// ``read(from:user:service:)`` reads. A pure function.
    ///
    /// The session is the newest `/user/active` row of `user` with `via=api`: RouterOS's `via` has
    /// no `api-ssl` value (CLI reference `user/active`: unknown, winbox, console, telnet, ftp, web,
    /// ssh, mac-telnet, bandwidth-test, api, romon, rest-api), so API and API-SSL sessions both
    /// print `api`. Newest is the highest `.id` (RouterOS numbers entries as they are made); `when`
    /// is not used, having second resolution and a format that changed across versions. The
    /// session that just logged in is the newest unless another starts in between; when rows of
    /// the user come from different addresses, a warning says which one is guarded.
    /// - Throws: ``SessionPathError`` when no API session of `user` is listed with an IP address.
    public static func resolve(user: String, service: String, activeSessions: [LiveEntry], live: [String: [LiveEntry]]) throws -> SessionPath {
        let candidates = activeSessions
            .filter { $0.properties["name"] == user && $0.properties["via"] == "api" }
            .compactMap { row in row.properties["address"].flatMap(IPText.Address.init).map { (row, $0) } }
            .sorted { number($0.0.id) < number($1.0.id) }
        guard let (session, address) = candidates.last else {
            throw SessionPathError(description: "the router lists no API session of user \(user) with an IP address in /user/active")
        }
        var path = SessionPath(
            address: address, user: user, group: nil, service: service, interfaces: [], localAddressID: nil, routeID: nil,
            gatewayAddressID: nil, matchedPrefixLength: nil, wireGuardPeerID: nil, live: live, warnings: [])
        let others = Set(candidates.map(\.1.text)).subtracting([address.text])
        if !others.isEmpty {
            path.warnings.append("user \(user) also has API sessions from \(others.sorted().joined(separator: ", ")); guarding the newest, from \(address.text)")
        }
        // A RADIUS login has no `/user` entry; `/user/active` still names its group.
        path.group = path.userEntry?.properties["group"] ?? session.properties["group"]
        if path.group == nil {
            path.warnings.append("neither /user nor /user/active names the group of \(user) (a RADIUS login?): any change of a group's policy counts as a risk")
        }
        if path.serviceEntry == nil {
            path.warnings.append("/ip/service has no entry \(service)")
        }
        guard !address.isLoopback else { return path }
        path.resolveArrival()
        path.resolveWireGuardPeer()
        path.interfaces = path.interfaces.first.map(path.chain(from:)) ?? []
        if path.interfaces.isEmpty {
            path.warnings.append("no address, route or WireGuard peer explains how \(address.text) reaches the router")
        }
        return path
    }

    /// The local network holding the address, else the route replies take, and the interface either leads to.
    private mutating func resolveArrival() {
        if let (entry, length) = longestMatch(in: live[menus.address] ?? [], property: "address") {
            localAddressID = entry.id
            matchedPrefixLength = length
            interfaces = entry.properties["interface"].map { [$0] } ?? []
            return
        }
        // Routes the router uses say `active=true`; when none does (a router that prints no flags), any enabled one.
        let routes = (live[menus.route] ?? []).filter { $0.properties["disabled"] != "true" && ($0.properties["routing-table"] ?? "main") == "main" }
        let active = routes.filter { $0.properties["active"] == "true" }
        guard let (route, length) = longestMatch(in: active.isEmpty ? routes : active, property: "dst-address") else { return }
        routeID = route.id
        matchedPrefixLength = length
        let (interface, gatewayAddress) = gatewayInterface(of: route)
        gatewayAddressID = gatewayAddress
        interfaces = interface.map { [$0] } ?? []
    }

    /// The interface a route's gateway is on: after `%` in `immediate-gw` or `gateway`, a gateway
    /// that is an interface name, or the interface of the local network holding the gateway address
    /// (with that address's `.id`).
    private func gatewayInterface(of route: LiveEntry) -> (interface: String?, addressID: String?) {
        for name in ["immediate-gw", "gateway"] {
            guard let gateway = route.properties[name], !gateway.isEmpty else { continue }
            if let percent = gateway.lastIndex(of: "%") { return (String(gateway[gateway.index(after: percent)...]), nil) }
            guard let next = IPText.Address(gateway) else { return (gateway, nil) }
            let local = (live[Self.familyMenus(next.family).address] ?? []).first { entry in
                entry.properties["disabled"] != "true" && entry.properties["address"].flatMap(AddressSpan.init)?.contains(next) == true
            }
            if let local, let interface = local.properties["interface"] { return (interface, local.id) }
        }
        return (nil, nil)
    }

    /// The enabled peer whose `allowed-address` holds the address most specifically, preferring
    /// one on the arrival interface; with no arrival interface yet, its interface is the arrival.
    private mutating func resolveWireGuardPeer() {
        let peers = (live["/interface/wireguard/peers"] ?? []).filter { $0.properties["disabled"] != "true" }
        let matches = peers.compactMap { peer -> (LiveEntry, Int)? in
            let lengths = (peer.properties["allowed-address"] ?? "").split(separator: ",").compactMap { item -> Int? in
                guard let (prefix, length) = IPText.prefix(String(item)), AddressSpan(String(item))?.contains(address) == true else { return nil }
                return prefix.family == address.family ? length : nil
            }
            return lengths.max().map { (peer, $0) }
        }
        let onArrival = matches.filter { $0.0.properties["interface"] == interfaces.first }
        guard let (peer, _) = (onArrival.isEmpty ? matches : onArrival).max(by: { $0.1 < $1.1 }) else { return }
        wireGuardPeerID = peer.id
        if interfaces.isEmpty, let interface = peer.properties["interface"] { interfaces = [interface] }
    }

    /// `interface` and what it rides on: a VLAN's parent interface, repeatedly.
    private func chain(from interface: String) -> [String] {
        var chain = [interface]
        while let parent = (live["/interface/vlan"] ?? []).first(where: { $0.properties["name"] == chain.last })?.properties["interface"],
              !chain.contains(parent) {
            chain.append(parent)
        }
        return chain
    }

    /// The enabled entry whose `property` prefix holds the address with the longest prefix, and that length.
    private func longestMatch(in entries: [LiveEntry], property: String) -> (LiveEntry, Int)? {
        let matches = entries.compactMap { entry -> (LiveEntry, Int)? in
            guard entry.properties["disabled"] != "true", entry.properties["invalid"] != "true",
                  let text = entry.properties[property], let (prefix, length) = IPText.prefix(text),
                  prefix.family == address.family, AddressSpan(text)?.contains(address) == true else { return nil }
            return (entry, length)
        }
        // Longest prefix; among equals, the lowest distance (routes), then the first printed.
        return matches.enumerated().min { lhs, rhs in
            let (a, b) = (lhs.element, rhs.element)
            if a.1 != b.1 { return a.1 > b.1 }
            let distance = { (entry: LiveEntry) in Int(entry.properties["distance"] ?? "1") ?? 1 }
            if distance(a.0) != distance(b.0) { return distance(a.0) < distance(b.0) }
            return lhs.offset < rhs.offset
        }?.element
    }

    /// A RouterOS `.id` (`*1F`) as a number, for ordering; unparsable ids sort first.
    private static func number(_ id: String?) -> Int {
        id.flatMap { Int($0.drop { $0 == "*" }, radix: 16) } ?? -1
    }
}
