import RouterModel
import OrderedCollections

/// The entries of one list menu, in order, with indexes so that a command costs the same in a
/// menu of ten entries and one of a hundred thousand.
///
/// Lookup, update and append by number are O(1) (hashed); `place-before`, `remove` and `move`
/// shift the order in place (a memory move, no copy of the entries). Every set of properties in
/// ``indexedKeys`` (`name`, and the menu's unique sets) has a hashed index from values to entry
/// numbers, so `resolve` by name, reference checks and uniqueness checks do not scan the table.
struct MenuTable: Sendable {
    /// Entry number → entry, in print order.
    private(set) var entries: OrderedDictionary<Int, Entry> = [:]
    /// The property sets with an index.
    let indexedKeys: [[String]]
    /// Property set → its values → the numbers of the entries with exactly those values.
    private var indexes: [[String]: [[String]: Set<Int>]] = [:]

    /// An empty table of `menu`, indexing `name` and the menu's unique property sets.
    init(menu: String) {
        indexedKeys = Self.indexedKeys(of: menu)
    }

    /// A table of `menu` holding `entries` in this order.
    init(menu: String, entries: some Sequence<Entry>) {
        self.init(menu: menu)
        for entry in entries { insert(entry) }
    }

    /// `name`, then the unique property sets the catalog gives `menu`.
    static func indexedKeys(of menu: String) -> [[String]] {
        var keys: [[String]] = [["name"]]
        for unique in MenuCatalog.spec(for: menu)?.unique ?? [] where !keys.contains(unique) { keys.append(unique) }
        return keys
    }

    /// The entries in print order.
    var ordered: OrderedDictionary<Int, Entry>.Values { entries.values }

    var isEmpty: Bool { entries.isEmpty }

    func index(of number: Int) -> Int? {
        entries.index(forKey: number)
    }

    func entry(_ number: Int) -> Entry? {
        entries[number]
    }

    /// The numbers of the entries whose `keys` have exactly `values`: from the index, or by a
    /// scan when `keys` are not one of ``indexedKeys``.
    func numbers(withValues values: [String], of keys: [String]) -> Set<Int> {
        guard indexedKeys.contains(keys) else {
            return Set(entries.values.filter { Self.values(of: keys, in: $0) == values }.map(\.number))
        }
        return indexes[keys]?[values] ?? []
    }

    /// The first entry (in print order) named `name`.
    func firstNumber(named name: String) -> Int? {
        numbers(withValues: [name], of: ["name"]).min { index(of: $0)! < index(of: $1)! }
    }

    // MARK: - Changes

    /// Inserts `entry` at `index` (the end when nil or past it).
    mutating func insert(_ entry: Entry, at index: Int? = nil) {
        let position = min(index ?? entries.count, entries.count)
        entries.updateValue(entry, forKey: entry.number, insertingAt: position)
        addToIndexes(entry)
    }

    /// Replaces the properties of entry `number`; returns the previous ones.
    @discardableResult
    mutating func replaceProperties(of number: Int, with properties: Entry.Properties) -> Entry.Properties? {
        guard let old = entries[number] else { return nil }
        removeFromIndexes(old)
        let new = Entry(number: number, properties: properties)
        entries[number] = new
        addToIndexes(new)
        return old.properties
    }

    /// Removes entry `number`; returns it and where it was.
    @discardableResult
    mutating func remove(_ number: Int) -> (entry: Entry, index: Int)? {
        guard let index = entries.index(forKey: number) else { return nil }
        let entry = entries.remove(at: index).value
        removeFromIndexes(entry)
        return (entry, index)
    }

    private mutating func addToIndexes(_ entry: Entry) {
        for keys in indexedKeys {
            guard let values = Self.values(of: keys, in: entry) else { continue }
            indexes[keys, default: [:]][values, default: []].insert(entry.number)
        }
    }

    private mutating func removeFromIndexes(_ entry: Entry) {
        for keys in indexedKeys {
            guard let values = Self.values(of: keys, in: entry) else { continue }
            indexes[keys]?[values]?.remove(entry.number)
            if indexes[keys]?[values]?.isEmpty == true { indexes[keys]?[values] = nil }
        }
    }

    /// The values of `keys` in `entry`, or nil when one of them is unset.
    private static func values(of keys: [String], in entry: Entry) -> [String]? {
        let values = keys.compactMap { entry.properties[$0] }
        return values.count == keys.count ? values : nil
    }
}

extension MenuTable: Hashable {
    static func == (lhs: MenuTable, rhs: MenuTable) -> Bool {
        lhs.entries == rhs.entries
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(entries)
    }
}

/// Saved as `{"entries": [...]}` in order; the indexes are rebuilt by ``DeviceState`` on load.
extension MenuTable: Codable {
    private enum CodingKeys: String, CodingKey { case entries }

    init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        indexedKeys = []
        for entry in try container.decode([Entry].self, forKey: .entries) {
            entries[entry.number] = entry
        }
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Array(entries.values), forKey: .entries)
    }
}

extension Entry {
    typealias Properties = OrderedDictionary<String, String>
}
