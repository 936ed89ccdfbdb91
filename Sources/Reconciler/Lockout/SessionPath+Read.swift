import RouterModel
import RouterOSAPI

extension SessionPath {
    /// Reads the path of the session `session` is: who it is, where it comes from, and the live
    /// entries ``LockoutGuard`` needs. Two waves (round trips), each with its prints sent together:
    /// `/user/active` with the family-independent menus, then the family's filter and raw tables, address
    /// lists and the routes whose destination holds the session's address (the first alone for a
    /// session over loopback).
    /// - Parameters:
    ///   - user: the name the session logged in with.
    ///   - service: `api-ssl` for a TLS connection, `api` for the plain API.
    public static func read(from session: RouterSession, user: String, service: String) async throws -> SessionPath {
        let active = Command("/user/active/print", queries: [.equals("name", Word(user))])
        let first = try await Snapshot.print([active] + commonMenus.map { Command($0 + "/print") }, from: session)
        let activeSessions = first[0]
        var live = Dictionary(zip(commonMenus, first.dropFirst()), uniquingKeysWith: { $1 })
        let path = try resolve(user: user, service: service, activeSessions: activeSessions, live: live)
        guard !path.isLoopback else { return path }
        let family = familyMenus(path.address.family)
        let menus = [family.route, family.filter, family.raw, family.addressList]
        let more = try await Snapshot.print([routesHolding(path.address, menu: family.route)] + menus.dropFirst().map { Command($0 + "/print") }, from: session)
        live.merge(zip(menus, more)) { $1 }
        return try resolve(user: user, service: service, activeSessions: activeSessions, live: live)
    }

    /// A print of the routes whose `dst-address` is one of the address's prefixes, /0 to the full
    /// length, OR-ed by the query stack: the router filters, so a full BGP table never crosses the link.
    static func routesHolding(_ address: IPText.Address, menu: String) -> Command {
        let prefixes = (0...address.bitCount).map { length in QueryWord.equals("dst-address", Word("\(address.masked(to: length).text)/\(length)")) }
        return Command(menu + "/print", queries: prefixes + [.operations(String(repeating: "|", count: address.bitCount))])
    }
}

extension LiveEntry {
    /// A printed row, `.id` taken out of the properties.
    init(row: Row) {
        var properties = row.dictionary
        let id = properties.removeValue(forKey: ".id")
        self.init(id: id, properties: properties)
    }
}
