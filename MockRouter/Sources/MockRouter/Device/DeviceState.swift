import RouterModel

/// The configuration of the simulated router: list menus, settings menus and the counters
/// behind `.id`. Codable so `--state FILE` can keep it across restarts.
///
/// Every change goes through its mutating methods, which change the state in place and remember
/// how to undo it, so a command costs what it touches, not the size of the router:
/// ``rollBack()`` undoes everything since the last ``settle()`` (a command that traps leaves
/// the router untouched) and ``settle()`` turns it into the ``StateJournal`` records of the change.
struct DeviceState: Sendable {
    /// List menus (`/ip/address`) by path.
    private(set) var tables: [String: MenuTable] = [:]
    /// Settings menus (`/system/identity`): one unnumbered item each.
    private(set) var settings: [String: Entry.Properties] = [:]
    /// Last number handed out per id space; never reused within a run.
    private var lastNumbers: [String: Int] = [:]
    /// The changes since the last ``settle()`` or ``rollBack()``, oldest first.
    private var undoLog: [UndoStep] = []

    /// How to undo one change.
    private enum UndoStep {
        case createdTable(menu: String)
        case inserted(menu: String, number: Int)
        case removed(menu: String, entry: Entry, index: Int)
        case changed(menu: String, number: Int, properties: Entry.Properties)
        case moved(menu: String, from: [(entry: Entry, index: Int)])
        case settings(menu: String, properties: Entry.Properties?)
        case counter(space: String, last: Int?)
    }

    init() {}

    /// The next `.id` number in `space`: a menu's own, or `/interface` for every interface menu,
    /// which share one as on RouterOS, so an interface has the same `.id` under `/interface` and
    /// under its own type's menu.
    mutating func nextNumber(in space: String) -> Int {
        undoLog.append(.counter(space: space, last: lastNumbers[space]))
        let number = (lastNumbers[space] ?? 0) + 1
        lastNumbers[space] = number
        return number
    }

    // MARK: - Changes

    /// Appends `entry` to `menu`, or inserts it before the entry numbered `before`.
    mutating func insert(_ entry: Entry, into menu: String, before: Int? = nil) {
        if tables[menu] == nil {
            tables[menu] = MenuTable(menu: menu)
            undoLog.append(.createdTable(menu: menu))
        }
        let index = before.flatMap { tables[menu]!.index(of: $0) }
        tables[menu]!.insert(entry, at: index)
        undoLog.append(.inserted(menu: menu, number: entry.number))
    }

    /// Replaces the properties of entry `number` of `menu`; nothing when there is no such entry.
    mutating func update(_ number: Int, in menu: String, _ change: (inout Entry.Properties) -> Void) {
        guard var properties = tables[menu]?.entry(number)?.properties else { return }
        change(&properties)
        guard let old = tables[menu]!.replaceProperties(of: number, with: properties) else { return }
        undoLog.append(.changed(menu: menu, number: number, properties: old))
    }

    /// Removes entry `number` of `menu`.
    mutating func remove(_ number: Int, from menu: String) {
        guard let (entry, index) = tables[menu]?.remove(number) else { return }
        undoLog.append(.removed(menu: menu, entry: entry, index: index))
    }

    /// Moves the entries numbered `numbers` (in that order) before `destination`, or to the end.
    mutating func move(_ numbers: [Int], in menu: String, before destination: Int?) {
        guard var table = tables[menu] else { return }
        tables[menu] = nil  // keeps `table` the only owner, so it changes in place
        let from = numbers.compactMap { number in table.index(of: number).map { (entry: table.entry(number)!, index: $0) } }
        let moving = numbers.compactMap { table.remove($0)?.entry }
        let index = destination.flatMap(table.index(of:))
        for (offset, entry) in moving.enumerated() { table.insert(entry, at: index.map { $0 + offset }) }
        tables[menu] = table
        undoLog.append(.moved(menu: menu, from: from))
    }

    /// Replaces the item of settings menu `menu`.
    mutating func setSettings(_ properties: Entry.Properties, of menu: String) {
        undoLog.append(.settings(menu: menu, properties: settings[menu]))
        settings[menu] = properties
    }

    // MARK: - Undo and journal

    /// Undoes every change since the last ``settle()``, newest first.
    mutating func rollBack() {
        for step in undoLog.reversed() {
            switch step {
            case .createdTable(let menu):
                tables[menu] = nil
            case .inserted(let menu, let number):
                tables[menu]?.remove(number)
            case .removed(let menu, let entry, let index):
                tables[menu]?.insert(entry, at: index)
            case .changed(let menu, let number, let properties):
                tables[menu]?.replaceProperties(of: number, with: properties)
            case .moved(let menu, let from):
                for (entry, _) in from { tables[menu]?.remove(entry.number) }
                // Lowest index first, so each entry lands where it was.
                for (entry, index) in from.sorted(by: { $0.index < $1.index }) { tables[menu]?.insert(entry, at: index) }
            case .settings(let menu, let properties):
                settings[menu] = properties
            case .counter(let space, let last):
                lastNumbers[space] = last
            }
        }
        undoLog = []
    }

    /// Keeps the changes since the last settle and returns them as journal records: the final
    /// value of everything they touched.
    mutating func settle() -> [StateJournal.Record] {
        defer { undoLog = [] }
        var records: [StateJournal.Record] = []
        var touchedEntries: [String: Set<Int>] = [:]
        var touchedSettings: Set<String> = []
        var touchedCounters: Set<String> = []
        for step in undoLog {
            switch step {
            case .createdTable: break
            case .inserted(let menu, let number), .changed(let menu, let number, _): touchedEntries[menu, default: []].insert(number)
            case .removed(let menu, let entry, _): touchedEntries[menu, default: []].insert(entry.number)
            case .moved(let menu, let from): touchedEntries[menu, default: []].formUnion(from.map(\.entry.number))
            case .settings(let menu, _): touchedSettings.insert(menu)
            case .counter(let space, _): touchedCounters.insert(space)
            }
        }
        for space in touchedCounters.sorted() { records.append(.counter(space: space, last: lastNumbers[space])) }
        for menu in touchedSettings.sorted() { records.append(.settings(menu: menu, properties: settings[menu])) }
        for (menu, numbers) in touchedEntries.sorted(by: { $0.key < $1.key }) {
            let table = tables[menu]
            for number in numbers where table?.entry(number) == nil { records.append(.removed(menu: menu, number: number)) }
            // Last in print order first: each entry's successor is then already in place on replay.
            let present = numbers.compactMap { number in table?.index(of: number).map { (number, $0) } }.sorted { $0.1 > $1.1 }
            for (number, index) in present {
                let entries = table!.entries
                let successor = index + 1 < entries.count ? entries.keys[index + 1] : nil
                records.append(.entry(menu: menu, entry: entries[number]!, before: successor))
            }
        }
        return records
    }

    /// Applies a journal record, as when it was written.
    mutating func replay(_ record: StateJournal.Record) {
        switch record {
        case .counter(let space, let last):
            lastNumbers[space] = last
        case .settings(let menu, let properties):
            settings[menu] = properties
        case .removed(let menu, let number):
            remove(number, from: menu)
        case .entry(let menu, let entry, let before):
            remove(entry.number, from: menu)
            insert(entry, into: menu, before: before)
        }
        undoLog = []
    }
}

extension DeviceState: Hashable {
    static func == (lhs: DeviceState, rhs: DeviceState) -> Bool {
        lhs.tables == rhs.tables && lhs.settings == rhs.settings && lhs.lastNumbers == rhs.lastNumbers
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(tables)
        hasher.combine(settings)
        hasher.combine(lastNumbers)
    }
}

/// Saved as tables, settings and counters; each table's indexes are rebuilt on load.
extension DeviceState: Codable {
    private enum CodingKeys: String, CodingKey { case tables, settings, lastNumbers }

    init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        for (menu, table) in try container.decode([String: MenuTable].self, forKey: .tables) {
            tables[menu] = MenuTable(menu: menu, entries: table.ordered)
        }
        settings = try container.decode([String: Entry.Properties].self, forKey: .settings)
        lastNumbers = try container.decode([String: Int].self, forKey: .lastNumbers)
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(tables, forKey: .tables)
        try container.encode(settings, forKey: .settings)
        try container.encode(lastNumbers, forKey: .lastNumbers)
    }
}
