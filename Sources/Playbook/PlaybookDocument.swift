/// A playbook as written: menus and entries with their values still holding `${…}` references.
public struct PlaybookDocument: Sendable {
    /// The oldest RouterOS version the playbook works on (`routeros: 7.20`).
    public var minimumVersion: Located<String>?
    /// The board it is written for (`board: RB5009UG+S+`), compared with `/system/resource board-name`.
    public var board: Located<String>?
    public var variables: [String: Located<String>]
    public var secrets: [String: SecretSource]
    public var menus: [MenuSection]
    /// What the loader could not read, reported by the validator with its own findings.
    public var problems: [Diagnostic]
}

/// A value and where it was written.
public struct Located<Value: Sendable & Hashable>: Sendable, Hashable {
    public var value: Value
    public var location: SourceLocation

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

/// Where a secret comes from; the playbook never holds its value.
public enum SecretSource: Sendable, Hashable {
    case environment(String, SourceLocation)
    case file(String, SourceLocation)
}

/// What a playbook says about one menu.
public struct MenuSection: Sendable {
    public var path: Located<String>
    /// Identity keys overriding the catalog's.
    public var identity: [String]?
    /// Remove unmanaged, non-dynamic, non-built-in entries.
    public var exclusive: Bool
    /// The entries of a list menu, in order; for a settings menu, one entry.
    public var entries: [EntryDocument]
}

/// One entry as written.
public struct EntryDocument: Sendable {
    public var location: SourceLocation
    /// Properties in the order written.
    public var properties: [(name: Located<String>, value: Located<String>)]
    /// `_absent: true`: the entry must not exist.
    public var absent: Bool
    /// `_exact: true`: properties not named are returned to their defaults.
    public var exact: Bool
    /// `_place-before`: properties that find an unmanaged entry this one must precede.
    public var placeBefore: [(name: Located<String>, value: Located<String>)]?
}
