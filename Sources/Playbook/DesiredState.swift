import RouterModel

/// What the router must contain, validated against a RouterOS version and normalised the way
/// RouterOS prints values, so it can be compared with the live state property by property.
public struct DesiredState: Sendable {
    public var minimumVersion: RouterOSVersion?
    /// The board the playbooks are written for, where they say so.
    public var board: Located<String>?
    /// Menus in the order the playbooks first name them.
    public var menus: [DesiredMenu]
    /// `--var` names no value of the playbooks refers to (a typo, or a variable of another playbook).
    public var unusedOverrides: [String] = []
}

/// The managed entries of one menu.
public struct DesiredMenu: Sendable {
    public var path: String
    public var spec: MenuSpec
    /// Properties that match a desired entry to a live one.
    public var identity: [String]
    /// Unmanaged, non-dynamic, non-built-in entries are removed.
    public var exclusive: Bool
    public var entries: [DesiredEntry]
    public var location: SourceLocation

    public var isSettings: Bool { spec.style == .settings }

    /// The identity values of `entry` in this menu.
    public func identity(of entry: DesiredEntry) -> [String?] {
        entry.identity(identity, spec: spec)
    }
}

/// One managed entry.
public struct DesiredEntry: Sendable {
    public var location: SourceLocation
    /// Property → printed value, in the order written.
    public var properties: [(name: String, value: String)]
    /// Properties whose values must never be shown.
    public var sensitive: Set<String>
    public var absent: Bool
    public var exact: Bool
    /// Properties (printed form) of an unmanaged entry this one must come before.
    public var placeBefore: [(name: String, value: String)]?

    public subscript(name: String) -> String? {
        properties.last { $0.name == name }?.value
    }

    /// The identity values, in the order of `keys`: the written value, else the property's
    /// default (a route's `routing-table` is `main`), else nil (a blackhole route has no gateway).
    public func identity(_ keys: [String], spec: MenuSpec) -> [String?] {
        keys.map { self[$0] ?? spec.properties[$0]?.defaultValue }
    }
}
