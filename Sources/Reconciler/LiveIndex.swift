/// A menu's live entries by `.id`, and how many share each identity: what finding an entry again
/// needs (an add's anchor, a removal's successor, a move). Built the first time it is asked, so
/// planning a menu in sync, or one that only gains entries, never pays for it.
final class LiveIndex {
    private let live: [LiveEntry]
    private let identity: [String]

    init(_ live: [LiveEntry], identity: [String]) {
        self.live = live
        self.identity = identity
    }

    /// Live entries by `.id`; the first of any that share one.
    private(set) lazy var byID: [String: LiveEntry] = Dictionary(live.compactMap { entry in entry.id.map { ($0, entry) } },
                                                                 uniquingKeysWith: { first, _ in first })

    /// How many live entries share each identity.
    private(set) lazy var identityCounts: [[String?]: Int] = live.reduce(into: [:]) { counts, entry in
        counts[identity.map { entry.properties[$0] }, default: 0] += 1
    }
}
