import RouterModel
import RouterOSAPI

/// Builds the configuration a board has after a reset: built-in entries, then its defconf
/// script run through the same command path as any API client's commands.
enum FactoryState {
    /// The user the defconf runs as.
    static let system = MockUser(name: "system", password: "", group: .full)

    /// The state `board` is in after a reset, as RouterOS `version` (with `schema`) builds it.
    /// - Throws: ``FactoryStateError`` when a defconf step is refused, or the error of a built-in
    ///   entry whose derived properties cannot be computed.
    static func make(board: Board, version: RouterOSVersion, schema: RouterSchema, runDefconf: Bool) throws -> DeviceState {
        var state = DeviceState()
        /// Adds an entry RouterOS ships with; its properties are not `add` arguments (`builtin`,
        /// `default`, a port's `default-name`), so it bypasses `add` but is derived like one.
        func builtin(_ menu: String, _ properties: [(String, String)]) throws {
            var execution = CommandExecution(
                command: Command(menu + "/add"), path: MenuPath(menu: menu, verb: "add"), user: system, schema: schema, version: version, state: state)
            var entry = execution.defaultProperties()
            for (name, value) in properties { entry[name] = value }
            try execution.derive(&entry, given: Set(properties.map(\.0)))
            let number = execution.state.nextNumber(in: execution.idSpace(of: menu))
            execution.state.insert(Entry(number: number, properties: entry), into: menu)
            state = execution.state
        }

        for port in board.ports {
            try builtin("/interface/ethernet", [("name", port.name), ("default-name", port.defaultName), ("mac-address", port.macAddress)])
        }
        for entry in MenuCatalog.builtinEntries where schema.hasMenu(entry.menu) {
            try builtin(entry.menu, entry.properties.map { ($0.name, $0.value) })
        }
        var resource = Entry.Properties()
        for (name, value) in board.resource { resource[name] = value }
        resource["version"] = "\(version) (stable)"
        state.setSettings(resource, of: "/system/resource")

        guard runDefconf else { return state }
        for step in board.defconf {
            guard let path = MenuPath(command: step.path), let accepted = schema.arguments(of: path.verb, in: path.menu) else { continue }
            // Each version's defconf uses only what that version has (7.22 dropped the fasttrack's hw-offload).
            let command = Command(step.path, attributes: step.attributes.filter { accepted[$0.0] != nil }.map { Attribute($0.0, $0.1) })
            var execution = CommandExecution(command: command, path: path, user: system, schema: schema, version: version, state: state)
            do {
                _ = try execution.run()
            } catch let trap as CommandTrap {
                throw FactoryStateError(step: command.description, replies: trap.replies)
            }
            state = execution.state
        }
        return state
    }
}

/// A defconf step the simulated router refused: a defect in the board data or the catalog.
struct FactoryStateError: Error, CustomStringConvertible {
    let step: String
    let replies: [Reply]
    var description: String { "defconf step \(step) refused: \(replies.map(\.description).joined(separator: "; "))" }
}
