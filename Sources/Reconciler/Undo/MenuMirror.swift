/// What one menu holds right now, as read before an undo and kept up to date as the undo
/// changes it: the router's order, and entries by `.id` and by identity.
struct MenuMirror: Sendable {
    let identity: [String]
    let ordered: Bool
    /// `.id`s in the router's order (kept for ordered menus only).
    private(set) var order: [String]
    private(set) var entries: [String: [String: String]]
    /// Identity values → `.id`s, for lookups that name the whole identity.
    private var byIdentity: [[String?]: [String]] = [:]

    init(identity: [String], ordered: Bool, live: [LiveEntry]) {
        self.identity = identity
        self.ordered = ordered
        order = ordered ? live.compactMap(\.id) : []
        entries = [:]
        for entry in live {
            // A settings menu's one entry has no `.id`.
            insert(entry.id ?? "", entry.properties)
        }
    }

    /// The `.id`s of the non-dynamic entries that satisfy `match`.
    func find(_ match: EntryMatch) -> [String] {
        let named = Dictionary(match.conditions.map { ($0.name, $0.value) }, uniquingKeysWith: { $1 })
        let candidates: [String]
        if !identity.isEmpty, identity.allSatisfy({ named.keys.contains($0) }) {
            candidates = byIdentity[identity.map { named[$0] ?? nil }] ?? []
        } else {
            candidates = Array(entries.keys)
        }
        return candidates.filter { id in
            guard let properties = entries[id] else { return false }
            return properties["dynamic"] != "true" && match.matches(properties)
        }.sorted()
    }

    subscript(id: String) -> [String: String]? { entries[id] }

    /// The `.id` of the entry after `id` in the router's order; nil at the end.
    func successor(of id: String) -> String? {
        guard let index = order.firstIndex(of: id), index + 1 < order.count else { return nil }
        return order[index + 1]
    }

    // MARK: - Keeping up with the undo

    mutating func added(_ id: String, _ properties: [String: String], before: String?) {
        insert(id, properties)
        guard ordered else { return }
        if let before, let index = order.firstIndex(of: before) { order.insert(id, at: index) } else { order.append(id) }
    }

    mutating func removed(_ id: String) {
        guard let properties = entries.removeValue(forKey: id) else { return }
        let key = identity.map { properties[$0] }
        byIdentity[key]?.removeAll { $0 == id }
        if ordered { order.removeAll { $0 == id } }
    }

    mutating func changed(_ id: String, set: [String: String], unset: [String]) {
        guard var properties = entries[id] else { return }
        byIdentity[identity.map { properties[$0] }]?.removeAll { $0 == id }
        properties.merge(set) { $1 }
        for name in unset { properties[name] = nil }
        insert(id, properties)
    }

    mutating func moved(_ id: String, before: String?) {
        guard ordered, let index = order.firstIndex(of: id) else { return }
        order.remove(at: index)
        if let before, let target = order.firstIndex(of: before) { order.insert(id, at: target) } else { order.append(id) }
    }

    private mutating func insert(_ id: String, _ properties: [String: String]) {
        entries[id] = properties
        byIdentity[identity.map { properties[$0] }, default: []].append(id)
    }
}
