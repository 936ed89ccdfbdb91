import Playbook

/// Where each entry of an ordered menu must go, worked out once per menu: an entry must precede
/// the next entry of the playbook the router already holds, and the anchor (`_place-before`) of
/// itself and of every later entry (order is transitive). Anchors are looked up once each, so
/// planning stays linear in the entries however many share an anchor.
struct Placement {
    /// Entry index → the `.id`s it must precede.
    private var limitsByIndex: [[String]]
    /// One line per `_place-before` that designates no live entry.
    private(set) var problems: [Diagnostic] = []

    /// - Parameters:
    ///   - matched: for each desired entry, the live entry it matched.
    init(menu: DesiredMenu, live: [LiveEntry], matched: [LiveEntry?]) {
        var anchorIDs: [[String]: String?] = [:]
        var problems: [Diagnostic] = []
        /// The first live entry with every property of `anchor`, found once per distinct anchor.
        func resolve(_ anchor: [(name: String, value: String)], for entry: DesiredEntry) -> String? {
            let key = anchor.flatMap { [$0.name, $0.value] }
            if anchorIDs[key] == nil {
                anchorIDs[key] = .some(live.first { candidate in anchor.allSatisfy { candidate.properties[$0.name] == $0.value } }?.id)
            }
            guard let id = anchorIDs[key]! else {
                let text = anchor.map { "\($0.name)=\($0.value)" }.joined(separator: " ")
                problems.append(Diagnostic(entry.location, "_place-before: no entry of \(menu.path) has \(text)"))
                return nil
            }
            return id
        }
        var limitsByIndex = [[String]](repeating: [], count: menu.entries.count)
        var laterAnchors: [String] = []
        var nextExisting: String?
        for index in menu.entries.indices.reversed() {
            let entry = menu.entries[index]
            if !entry.absent, let written = entry.placeBefore, let id = resolve(written, for: entry), !laterAnchors.contains(id) {
                laterAnchors.append(id)
            }
            limitsByIndex[index] = (nextExisting.map { [$0] } ?? []) + laterAnchors
            if !entry.absent, let id = matched[index]?.id { nextExisting = id }
        }
        self.limitsByIndex = limitsByIndex
        self.problems = problems.reversed()
    }

    /// The `.id`s the entry at `index` must precede.
    func limits(of index: Int) -> [String] {
        limitsByIndex[index]
    }
}
