/// The entries of one list menu, in order, with the counter that numbers new ones.
///
/// Numbers are never reused within a run, as on RouterOS.
struct MenuTable: Hashable, Sendable {
    private(set) var entries: [Entry] = []
    private var lastNumber = 0

    /// Appends, or inserts before the entry numbered `before`; returns the new entry's number.
    mutating func insert(_ properties: Entry.Properties, before: Int? = nil) -> Int {
        lastNumber += 1
        let entry = Entry(number: lastNumber, properties: properties)
        if let before, let index = entries.firstIndex(where: { $0.number == before }) {
            entries.insert(entry, at: index)
        } else {
            entries.append(entry)
        }
        return lastNumber
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

import OrderedCollections
