/// One change to a live value.
public struct PropertyChange: Sendable, Hashable {
    public var name: String
    /// Before (nil: not set).
    public var old: String?
    /// After (nil: unset).
    public var new: String?
    /// Printed as `(sensitive)` everywhere.
    public var sensitive: Bool
}

/// One operation of a plan.
public struct Operation: Sendable, Hashable {
    public enum Kind: String, Sendable {
        case add, set, unset, remove, move
    }

    public var kind: Kind
    public var menu: String
    /// The live `.id` it acts on (nil for add, and for settings menus).
    public var id: String?
    /// How a person recognises the entry: its identity, such as `name=wg0` or `chain=input comment=…`.
    public var label: String
    /// Properties added, changed, unset, or (for remove) the entry's values, kept so it can be undone.
    public var changes: [PropertyChange]
    /// For add and move: the live `.id` the entry goes before (nil: the end).
    public var before: String?
    /// For remove and move in ordered menus: the `.id` that followed the entry, to put it back on undo.
    public var originalBefore: String?
    /// Where the playbook asked for it.
    public var location: String?
    /// How to find the entry again without `.id`: its identity (for add, the values written;
    /// for remove, every configured value it had). Empty in settings menus.
    public var target: EntryMatch = EntryMatch([])
    /// For add and move in ordered menus: the entry it goes before, found again by its values.
    public var anchor: EntryMatch?
    /// How a person recognises ``anchor`` (secrets hidden), as ``label`` does the entry itself.
    public var anchorLabel: String?
    /// For remove and move in ordered menus: the entry that followed it, to put it back on undo.
    public var originalAnchor: EntryMatch?
    /// For remove: how many other entries match `target` too, so undo knows the entry is missing
    /// when no more than this many are left.
    public var twins: Int = 0
}

/// What it takes to make the router match the playbooks, in the order it must happen.
public struct Plan: Sendable, Hashable {
    /// Operations grouped by dependency level; operations within a level do not depend on each other.
    public var levels: [[Operation]]

    public var operations: [Operation] { levels.flatMap { $0 } }
    public var isEmpty: Bool { levels.allSatisfy(\.isEmpty) }

    /// Counts per kind, for the summary line.
    public var counts: [Operation.Kind: Int] {
        operations.reduce(into: [:]) { $0[$1.kind, default: 0] += 1 }
    }
}
