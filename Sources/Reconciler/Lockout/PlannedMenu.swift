/// The entries of one menu as they will be once a plan has run, each remembering the operations
/// that touched it: adds placed before their anchor, sets and unsets merged into the live values,
/// moves reordering, removes taking the entry out.
struct PlannedMenu {
    struct Entry {
        /// The live `.id`, or `+N` for the Nth add of the plan.
        var key: String
        var properties: [String: String]
        var operations: [Operation]

        subscript(name: String) -> String? { properties[name] }
        var isEnabled: Bool { properties["disabled"] != "true" }
    }

    /// The entries in the router's order after the plan.
    private(set) var entries: [Entry]

    /// `live` (in the router's order) after `operations` (those of the plan on this menu, in plan order).
    init(live: [LiveEntry], operations: [Operation]) {
        entries = live.map { Entry(key: $0.id ?? "", properties: $0.properties, operations: []) }
        for (number, operation) in operations.enumerated() { apply(operation, key: "+\(number)") }
    }

    func entry(_ key: String?) -> Entry? {
        entries.first { $0.key == key }
    }

    private mutating func apply(_ operation: Operation, key: String) {
        let index = entries.firstIndex { $0.key == operation.id }
        switch operation.kind {
        case .add:
            var properties: [String: String] = [:]
            for change in operation.changes { properties[change.name] = change.new }
            let entry = Entry(key: key, properties: properties, operations: [operation])
            entries.insert(entry, at: entries.firstIndex { $0.key == operation.before } ?? entries.endIndex)
        case .set, .unset:
            guard let index else { return }
            for change in operation.changes { entries[index].properties[change.name] = change.new }
            entries[index].operations.append(operation)
        case .remove:
            guard let index else { return }
            entries.remove(at: index)
        case .move:
            guard let index else { return }
            var entry = entries.remove(at: index)
            entry.operations.append(operation)
            entries.insert(entry, at: entries.firstIndex { $0.key == operation.before } ?? entries.endIndex)
        }
    }
}

extension Plan {
    /// The operations on `menu`, in plan order.
    func operations(on menu: String) -> [Operation] {
        operations.filter { $0.menu == menu }
    }
}
