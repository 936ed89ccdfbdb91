/// The `.id`s of an ordered menu in the router's order, each with its position, kept up to date as
/// the planner lays out moves: finding where an entry stands costs a hash lookup, not a scan.
struct RouterOrder {
    private(set) var ids: [String]
    private var positions: [String: Int]

    init(_ ids: [String]) {
        self.ids = ids
        positions = Dictionary(ids.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { first, _ in first })
    }

    func position(of id: String) -> Int? {
        positions[id]
    }

    /// The `.id` after `id`; nil at the end or for an id the menu does not hold.
    func successor(of id: String?) -> String? {
        guard let id, let position = positions[id], position + 1 < ids.count else { return nil }
        return ids[position + 1]
    }

    /// The one of `candidates` that comes first.
    func earliest(_ candidates: [String]) -> String? {
        candidates.min { (positions[$0] ?? .max) < (positions[$1] ?? .max) }
    }

    /// Moves `id` to just before `destination`; the entries between shift by one.
    mutating func move(_ id: String, before destination: String) {
        guard let from = positions[id], positions[destination] != nil else { return }
        ids.remove(at: from)
        let to = positions[destination]! - (positions[destination]! > from ? 1 : 0)
        ids.insert(id, at: to)
        for position in min(from, to)...max(from, to) { positions[ids[position]] = position }
    }
}
