import RouterModel

/// What undoing one operation takes, decided from what the router holds now, never from the
/// `.id` it had when the plan was made: the router may have restarted with other entries since.
enum UndoDecision: Sendable, Equatable {
    /// Send this.
    case revert(UndoAction)
    /// The router does not hold the change: it never landed, or something else took it away.
    case notPresent(String)
    /// The entry does not match what rosplay wrote, or cannot be told from others: left alone.
    case leaveAlone(String)
    /// RouterOS cannot reverse it.
    case impossible(String)

    /// Decides how to undo `operation` in a menu that now holds `mirror`.
    static func decide(_ operation: Operation, in mirror: MenuMirror, schema: RouterSchema) -> UndoDecision {
        switch operation.kind {
        case .add: return undoAdd(operation, mirror)
        case .set, .unset: return undoChange(operation, mirror, schema)
        case .remove: return undoRemove(operation, mirror)
        case .move: return undoMove(operation, mirror)
        }
    }

    /// The one entry `match` designates, or why there is not exactly one.
    private static func single(_ match: EntryMatch, in mirror: MenuMirror, settings: Bool = false) -> Result<String, UndoReason> {
        if settings, let only = mirror.entries.keys.first, mirror.entries.count == 1 { return .success(only) }
        let found = mirror.find(match)
        switch found.count {
        case 0: return .failure(.missing)
        case 1: return .success(found[0])
        default: return .failure(.ambiguous(found.count))
        }
    }

    private enum UndoReason: Error {
        case missing
        case ambiguous(Int)

        var text: String {
            switch self {
            case .missing: return "no entry matches it any more"
            case .ambiguous(let count): return "\(count) entries match it; none was touched"
            }
        }
    }

    private static func undoAdd(_ operation: Operation, _ mirror: MenuMirror) -> UndoDecision {
        switch single(operation.target, in: mirror) {
        case .success(let id): return .revert(.remove(id: id))
        case .failure(.missing): return .notPresent("the router holds no entry with the values rosplay added")
        case .failure(let reason): return .leaveAlone(reason.text)
        }
    }

    /// A set or unset: each property is back at its old value, still at what rosplay wrote (then it
    /// is put back), or something else (then the entry is left alone).
    private static func undoChange(_ operation: Operation, _ mirror: MenuMirror, _ schema: RouterSchema) -> UndoDecision {
        let settings = operation.id == nil
        let id: String
        switch single(operation.target, in: mirror, settings: settings) {
        case .success(let found): id = found
        case .failure(let reason): return .leaveAlone(reason.text)
        }
        let now = mirror[id] ?? [:]
        let spec = schema.spec(for: operation.menu)
        var values: [String: String] = [:]
        var unset: [String] = []
        for change in operation.changes {
            let current = now[change.name]
            if current == change.old { continue }
            // What rosplay wrote: the value it set, or for an unset what RouterOS prints once a
            // property is cleared (nothing, or its default: `log=false` after unsetting `log`).
            let written = change.new.map { current == $0 } ?? (current == nil || current == spec?.properties[change.name]?.defaultValue)
            guard written else {
                return .leaveAlone("\(change.name) is no longer what rosplay wrote")
            }
            if let old = change.old { values[change.name] = old } else { unset.append(change.name) }
        }
        guard !values.isEmpty || !unset.isEmpty else { return .notPresent("the entry has its old values") }
        if !unset.isEmpty, schema.arguments(of: "unset", in: operation.menu) == nil {
            // Without unset, a property comes back to "not set" only by writing its default.
            let unknown = unset.filter { spec?.properties[$0]?.defaultValue == nil }
            guard unknown.isEmpty else {
                return .impossible("RouterOS \(schema.version) has no unset in \(operation.menu) to clear \(unknown.sorted().joined(separator: ", ")) again")
            }
            for name in unset { values[name] = spec?.properties[name]?.defaultValue }
            unset = []
        }
        return .revert(.restore(id: settings ? nil : id, values: values, unset: unset.sorted()))
    }

    /// A remove: add the entry back with every value it had, where it was, unless it is there.
    private static func undoRemove(_ operation: Operation, _ mirror: MenuMirror) -> UndoDecision {
        guard mirror.find(operation.target).count <= operation.twins else { return .notPresent("the entry is on the router") }
        let properties = Dictionary(operation.changes.compactMap { change in change.old.map { (change.name, $0) } }, uniquingKeysWith: { $1 })
        guard let anchor = operation.originalAnchor else { return .revert(.add(properties: properties, before: nil)) }
        switch single(anchor, in: mirror) {
        case .success(let before): return .revert(.add(properties: properties, before: before))
        case .failure(let reason): return .leaveAlone("the entry that followed it cannot be found (\(reason.text)), so its place is unknown")
        }
    }

    /// A move: put the entry back before the entry that followed it.
    private static func undoMove(_ operation: Operation, _ mirror: MenuMirror) -> UndoDecision {
        let id: String
        switch single(operation.target, in: mirror) {
        case .success(let found): id = found
        case .failure(let reason): return .leaveAlone(reason.text)
        }
        var before: String?
        if let anchor = operation.originalAnchor {
            switch single(anchor, in: mirror) {
            case .success(let found): before = found
            case .failure(let reason): return .leaveAlone("the entry that followed it cannot be found (\(reason.text))")
            }
        }
        guard mirror.successor(of: id) != before else { return .notPresent("the entry is in its old place") }
        return .revert(.move(id: id, before: before))
    }
}
