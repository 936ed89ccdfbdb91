import OrderedCollections
import RouterModel
import RouterOSAPI

extension CommandExecution {
    /// Arguments every `print` takes over the API besides those the schema lists.
    static let apiPrintArguments: Set<String> = [".proplist", "count-only", "follow", "follow-only", "without-paging", "detail", "from"]

    /// The first version that says `!empty` when a print finds nothing.
    static let firstVersionWithEmpty = RouterOSVersion("7.18")!

    /// The rows `print` selects, after queries and `from`, with `.proplist` applied.
    func selectedRows() throws -> [[Attribute]] {
        let rows: [[Attribute]]
        if menu == "/user/active" {
            rows = activeUsers.map { printed($0) }
        } else if isSettingsMenu {
            rows = [printed(Entry(number: 0, properties: settingsProperties()), withID: false)]
        } else if menu == "/interface" {
            rows = interfaceRows()
        } else {
            let entries = state.tables[menu]?.ordered ?? OrderedDictionary<Int, Entry>().values
            if let from = command["from"] {
                let numbers = Set(try from.split(separator: ",").map { try resolve(String($0)) })
                rows = entries.filter { numbers.contains($0.number) }.map { printed($0) }
            } else {
                rows = entries.map { printed($0) }
            }
        }
        return view.select(rows)
    }

    mutating func print() throws -> RouterDevice.Outcome {
        try checkArguments(of: "print", alsoAccepting: Self.apiPrintArguments)
        let streams = ["count-only", "follow", "follow-only", "from"].allSatisfy { command[$0] == nil }
        if streams, !isSettingsMenu, menu != "/interface", menu != "/user/active" {
            return .stream(PrintStream(
                table: state.tables[menu] ?? MenuTable(menu: menu), menu: menu, view: view,
                saysEmpty: version >= Self.firstVersionWithEmpty))
        }
        let rows = try selectedRows()
        if command["count-only"] != nil {
            return .replies([.done(ret: String(rows.count))])
        }
        let records = rows.map { Reply(.re, attributes: $0) }
        if command["follow-only"] != nil {
            return .follow(initial: [], view: view)
        }
        if command["follow"] != nil {
            return .follow(initial: records, view: view)
        }
        // RouterOS 7.18 and later say `!empty` when a print finds nothing: the configured
        // version decides, not the embedded schema it falls back to.
        if records.isEmpty, version >= Self.firstVersionWithEmpty {
            return .replies([Reply(.empty), .done()])
        }
        return .replies(records + [.done()])
    }

    /// `listen`: every later change to the menu, until `/cancel`.
    func listen() throws -> RouterDevice.Outcome {
        try checkArguments(of: "print", alsoAccepting: Self.apiPrintArguments)
        return .follow(initial: [], view: view)
    }

    /// `get`: one property of one entry (or of a settings menu) as `=ret=`.
    func get() throws -> String {
        try checkArguments(of: "get", alsoAccepting: [".id"])
        guard let name = command["value-name"] else { throw CommandTrap(TrapText.missingArgument("value-name")) }
        let row: [Attribute]
        if isSettingsMenu {
            row = printed(Entry(number: 0, properties: settingsProperties()), withID: false)
        } else {
            guard let selected = try selectedEntries(argument: "number").first,
                  let entry = state.tables[selected.menu]?.entry(selected.number) else {
                throw CommandTrap(TrapText.noSuchItem)
            }
            row = printed(entry, of: selected.menu)
        }
        return row[name] ?? ""
    }
}
