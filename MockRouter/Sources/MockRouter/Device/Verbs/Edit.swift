import RouterOSAPI

extension CommandExecution {
    /// Properties of an `add` or `set` that steer the command rather than describe the entry.
    static let controlArguments: Set<String> = ["place-before", "copy-from", "numbers", ".id"]

    /// The attributes that become properties, in the order given.
    var propertyAttributes: [Attribute] {
        command.attributes.filter { !Self.controlArguments.contains($0.name) }
    }

    mutating func add() throws -> String {
        try checkArguments(of: "add")
        var properties = Entry.Properties()
        if let source = command["copy-from"] {
            properties = state.tables[menu]?.entry(try resolve(source))?.properties ?? [:]
        }
        for attribute in propertyAttributes {
            properties[attribute.name] = attribute.value.string
        }
        let before = try command["place-before"].map(resolve)
        let number = state.tables[menu, default: MenuTable()].insert(properties, before: before)
        recordChange(number)
        return EntryID.format(number)
    }

    mutating func set() throws {
        try checkArguments(of: "set", alsoAccepting: [".id"])
        if isSettingsMenu {
            for attribute in propertyAttributes {
                state.settings[menu, default: [:]][attribute.name] = attribute.value.string
            }
            return
        }
        let attributes = propertyAttributes
        for number in try selectedEntries() {
            state.tables[menu]?.update(number) { properties in
                for attribute in attributes {
                    properties[attribute.name] = attribute.value.string
                }
            }
            recordChange(number)
        }
    }

    mutating func unset() throws {
        try checkArguments(of: "unset", alsoAccepting: [".id"])
        guard let names = command["value-name"] else { throw CommandTrap(TrapText.missingArgument("value-name")) }
        let unsetNames = names.split(separator: ",").map(String.init)
        if isSettingsMenu {
            for name in unsetNames { state.settings[menu]?[name] = nil }
            return
        }
        for number in try selectedEntries() {
            state.tables[menu]?.update(number) { properties in
                for name in unsetNames { properties[name] = nil }
            }
            recordChange(number)
        }
    }

    mutating func remove() throws {
        try checkArguments(of: "remove", alsoAccepting: [".id"])
        for number in try selectedEntries() {
            state.tables[menu]?.remove(number)
            recordChange(number)
        }
    }

    mutating func move() throws {
        try checkArguments(of: "move", alsoAccepting: [".id"])
        let numbers = try selectedEntries()
        let destination = try command["destination"].map(resolve)
        state.tables[menu]?.move(numbers, before: destination)
        numbers.forEach { recordChange($0) }
    }

    mutating func enableOrDisable(_ disabled: Bool) throws {
        try checkArguments(of: disabled ? "disable" : "enable", alsoAccepting: [".id"])
        for number in try selectedEntries() {
            state.tables[menu]?.update(number) { $0["disabled"] = disabled ? "true" : "false" }
            recordChange(number)
        }
    }

    mutating func comment() throws {
        try checkArguments(of: "comment", alsoAccepting: [".id"])
        let comment = command["comment"] ?? ""
        for number in try selectedEntries() {
            state.tables[menu]?.update(number) { $0["comment"] = comment }
            recordChange(number)
        }
    }
}
