import RouterModel
import RouterOSAPI

extension SessionPath {
    /// Reads the path of the session `session` is: who it is, where it comes from, and the live
    /// entries ``LockoutGuard`` needs. Two round trips, each with its prints in flight together:
    /// `/user/active` with the family-independent menus, then the family's firewall, address
    /// lists and the routes whose destination holds the session's address.
    /// - Parameters:
    ///   - user: the name the session logged in with.
    ///   - service: `api-ssl` for a TLS connection, `api` for the plain API.
    public static func read(from session: RouterSession, user: String, service: String) async throws -> SessionPath {
        async let active = session.execute(Command("/user/active/print", queries: [.equals("name", Word(user))]))
        var live = try await readAll(commonMenus.map { ($0, Command($0 + "/print")) }, from: session)
        let activeSessions = try await active.rows.map(LiveEntry.init(row:))
        let first = try resolve(user: user, service: service, activeSessions: activeSessions, live: live)
        guard !first.isLoopback else { return first }
        let family = familyMenus(first.address.family)
        let more = try await readAll([
            (family.route, routesHolding(first.address, menu: family.route)),
            (family.filter, Command(family.filter + "/print")),
            (family.addressList, Command(family.addressList + "/print")),
        ], from: session)
        live.merge(more) { $1 }
        return try resolve(user: user, service: service, activeSessions: activeSessions, live: live)
    }

    /// One print per menu, all in flight together.
    private static func readAll(_ prints: [(String, Command)], from session: RouterSession) async throws -> [String: [LiveEntry]] {
        try await withThrowingTaskGroup(of: (String, [LiveEntry]).self) { group in
            for (menu, command) in prints {
                group.addTask { (menu, try await session.execute(command).rows.map(LiveEntry.init(row:))) }
            }
            return try await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
        }
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
