import RouterModel
import RouterOSAPI

extension CommandExecution {
    /// Arguments of `add` and `set` that steer the command rather than describe the entry.

    /// The attributes that become properties, in the order given, normalised and checked.
    func givenProperties() throws -> [(String, String)] {
        try command.attributes
            .filter { !MenuSpec.controlArguments.contains($0.name) }
            .map { ($0.name, try acceptedValue($0.name, $0.value.string)) }
    }

    mutating func add() throws -> String {
        try checkArguments(of: "add")
        var properties = defaultProperties()
        if let source = command["copy-from"], let original = state.tables[menu]?.entry(try resolve(source)) {
            properties.merge(original.properties.filter { !Entry.protectionFlags.contains($0.key) }) { $1 }
        }
        let given = try givenProperties()
        for (name, value) in given { properties[name] = value }
        try checkRequired(properties)
        try derive(&properties, given: Set(given.map(\.0)))
        try checkUnique(properties, excluding: nil)
        let before = try command["place-before"].map { try resolve($0) }
        let number = state.nextNumber(in: idSpace(of: menu))
        state.insert(Entry(number: number, properties: properties), into: menu, before: before)
        recordChange(number)
        return EntryID.format(number)
    }

    mutating func set() throws {
        try checkArguments(of: "set", alsoAccepting: [".id"])
        try checkClockSetting()
        let given = try givenProperties()
        if isSettingsMenu {
            var settings = state.settings[menu] ?? defaultProperties()
            for (name, value) in given { settings[name] = value }
            state.setSettings(settings, of: menu)
            return
        }
        for (menu, number) in try selectedEntries() {
            try update(number, in: menu, given: given)
        }
    }

    /// Applies `given` and returns the properties named in `unset` to their defaults (or removes
    /// them) on one entry, recomputing derived properties and checking uniqueness.
    mutating func update(_ number: Int, in menu: String, given: [(String, String)], unset: [String] = []) throws {
        guard var properties = state.tables[menu]?.entry(number)?.properties else { throw CommandTrap(TrapText.noSuchItem) }
        do {
            // A view of this command in the entry's menu; gone before the state changes, so
            // that the state is not shared (and copied) when it does.
            var scoped = self
            scoped.path = MenuPath(menu: menu, verb: path.verb)
            let defaults = scoped.defaultProperties()
            for name in unset { properties[name] = defaults[name] }
            for (name, value) in given { properties[name] = value }
            try scoped.derive(&properties, given: Set(given.map(\.0)))
            try scoped.checkUnique(properties, excluding: number)
        }
        state.update(number, in: menu) { $0 = properties }
        recordChange(number, in: menu)
    }

    mutating func unset() throws {
        try checkArguments(of: "unset", alsoAccepting: [".id"])
        guard let names = command["value-name"] else { throw CommandTrap(TrapText.missingArgument("value-name")) }
        let unsetNames = names.split(separator: ",").map(String.init)
        for name in unsetNames where spec?.properties[name]?.required == true {
            throw CommandTrap(TrapText.missingArgument(name))
        }
        if isSettingsMenu {
            let defaults = defaultProperties()
            var settings = state.settings[menu] ?? defaults
            for name in unsetNames { settings[name] = defaults[name] }
            state.setSettings(settings, of: menu)
            return
        }
        for (menu, number) in try selectedEntries() {
            try update(number, in: menu, given: [], unset: unsetNames)
        }
    }

    mutating func remove() throws {
        try checkArguments(of: "remove", alsoAccepting: [".id"])
        let selected = try selectedEntries()
        let entries = selected.compactMap { menu, number in state.tables[menu]?.entry(number).map { (menu, $0) } }
        if entries.contains(where: { $0.1.isProtected }) {
            throw CommandTrap(TrapText.cannotRemoveProtected)
        }
        for (menu, entry) in entries {
            state.remove(entry.number, from: menu)
            recordRemoval(entry, in: menu)
        }
    }

    mutating func move() throws {
        try checkArguments(of: "move", alsoAccepting: [".id"])
        let numbers = try selectedEntries().map(\.number)
        let destination = try command["destination"].map { try resolve($0) }
        state.move(numbers, in: menu, before: destination)
        numbers.forEach { recordChange($0) }
    }

    mutating func enableOrDisable(_ disabled: Bool) throws {
        try checkArguments(of: disabled ? "disable" : "enable", alsoAccepting: [".id"])
        let given = [("disabled", disabled ? "true" : "false")]
        for (menu, number) in try selectedEntries() { try update(number, in: menu, given: given) }
    }

    mutating func comment() throws {
        try checkArguments(of: "comment", alsoAccepting: [".id"])
        let given = [("comment", command["comment"] ?? "")]
        for (menu, number) in try selectedEntries() { try update(number, in: menu, given: given) }
    }
}
