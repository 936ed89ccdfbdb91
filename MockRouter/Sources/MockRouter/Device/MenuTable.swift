import OrderedCollections

/// The entries of one list menu, in order.
struct MenuTable: Hashable, Sendable, Codable {
    private(set) var entries: [Entry] = []

    /// Appends `entry`, or inserts it before the entry numbered `before`.
    mutating func insert(_ entry: Entry, before: Int? = nil) {
        if let before, let index = index(of: before) {
            entries.insert(entry, at: index)
        } else {
            entries.append(entry)
        }
    }

    func index(of number: Int) -> Int? {
        entries.firstIndex { $0.number == number }
    }

    func entry(_ number: Int) -> Entry? {
        index(of: number).map { entries[$0] }
    }

    mutating func update(_ number: Int, _ change: (inout Entry.Properties) -> Void) {
        guard let index = index(of: number) else { return }
        change(&entries[index].properties)
    }

    mutating func remove(_ number: Int) {
        entries.removeAll { $0.number == number }
    }

    /// Moves the entries numbered `numbers` (in that order) before `destination`, or to the end.
    mutating func move(_ numbers: [Int], before destination: Int?) {
        let moving = numbers.compactMap(entry)
        entries.removeAll { numbers.contains($0.number) }
        let index = destination.flatMap(index(of:)) ?? entries.endIndex
        entries.insert(contentsOf: moving, at: index)
    }
}

extension Entry {
    typealias Properties = OrderedDictionary<String, String>
}
