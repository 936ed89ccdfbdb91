import RouterOSAPI

/// One command that reverses an operation, aimed at the `.id` the entry has now.
enum UndoAction: Sendable, Equatable {
    /// Remove what an add created.
    case remove(id: String)
    /// Put back old values (`values`) and clear what was not set before (`unset`); `id` nil in a settings menu.
    case restore(id: String?, values: [String: String], unset: [String])
    /// Add back what a remove took away, before `before` (nil: at the end).
    case add(properties: [String: String], before: String?)
    /// Move an entry back before `before` (nil: to the end).
    case move(id: String, before: String?)

    /// The API commands, in order, with `sensitive` values redacted from any error.
    func commands(in menu: String, sensitive: Set<String>) -> [Command] {
        var commands: [Command] = []
        switch self {
        case .remove(let id):
            commands.append(Command(menu + "/remove", attributes: [Attribute(".id", id)]))
        case .restore(let id, let values, let unset):
            if !values.isEmpty {
                let selector = id.map { [Attribute(".id", $0)] } ?? []
                commands.append(Command(menu + "/set", attributes: selector + values.sorted { $0.key < $1.key }.map { Attribute($0.key, $0.value) }))
            }
            for name in unset {
                let selector = id.map { [Attribute("numbers", $0)] } ?? []
                commands.append(Command(menu + "/unset", attributes: selector + [Attribute("value-name", name)]))
            }
        case .add(let properties, let before):
            var attributes = properties.sorted { $0.key < $1.key }.map { Attribute($0.key, $0.value) }
            if let before { attributes.append(Attribute("place-before", before)) }
            commands.append(Command(menu + "/add", attributes: attributes))
        case .move(let id, let before):
            var attributes = [Attribute("numbers", id)]
            if let before { attributes.append(Attribute("destination", before)) }
            commands.append(Command(menu + "/move", attributes: attributes))
        }
        for index in commands.indices { commands[index].sensitive = sensitive }
        return commands
    }

    /// Records in `mirror` what the action did; `ret` is the router's answer to the add.
    func record(in mirror: inout MenuMirror, ret: String?) {
        switch self {
        case .remove(let id): mirror.removed(id)
        case .restore(let id, let values, let unset): mirror.changed(id ?? "", set: values, unset: unset)
        case .add(let properties, let before): if let ret { mirror.added(ret, properties, before: before) }
        case .move(let id, let before): mirror.moved(id, before: before)
        }
    }
}
