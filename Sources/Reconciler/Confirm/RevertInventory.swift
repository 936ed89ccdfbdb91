import RouterOSAPI

/// The reverts `apply --confirm-within` left on a router: the armed ones (a scheduler entry
/// named `rosplay-revert-*`, with its script) and the orphans (a `rosplay-revert-*` script
/// without its scheduler entry, which never runs by itself: an apply cut while arming it, or a
/// revert that ran and stopped part-way at a line the router refused).
public struct RevertInventory: Sendable {
    public var armed: [ArmedRevert]
    /// Names of the orphan scripts.
    public var orphans: [String]

    public init(armed: [ArmedRevert], orphans: [String]) {
        self.armed = armed
        self.orphans = orphans
    }

    /// Reads both menus in one round trip.
    public static func read(on session: any RouterSession) async throws -> RevertInventory {
        let menus = ["/system/scheduler": ".id,name,start-date,start-time", "/system/script": ".id,name"].sorted { $0.key < $1.key }
        let outcomes = await session.pipeline(Wave(menus.map { [Command($0.key + "/print", [".proplist": $0.value])] }))
        var rows: [String: [Row]] = [:]
        for (menu, outcome) in zip(menus, outcomes) {
            rows[menu.key] = try outcome!.replies[0].get().rows.filter { $0["name"]?.hasPrefix(ArmedRevert.prefix) == true }
        }
        let armed = (rows["/system/scheduler"] ?? []).map { row in
            ArmedRevert(name: row["name"]!, firesAt: [row["start-date"], row["start-time"]].compactMap { $0 }.joined(separator: " "))
        }
        let scheduled = Set(armed.map(\.name))
        return RevertInventory(armed: armed, orphans: (rows["/system/script"] ?? []).compactMap { $0["name"] }.filter { !scheduled.contains($0) })
    }

    /// Removes the orphan script `name`; whether it was there.
    public static func removeOrphan(named name: String, on session: any RouterSession) async throws -> Bool {
        try await ArmedRevert.remove(named: name, from: "/system/script", on: session)
    }
}
