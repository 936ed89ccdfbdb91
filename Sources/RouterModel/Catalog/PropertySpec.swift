/// What RouterOS does with one property of a menu's entries.
public struct PropertySpec: Hashable, Sendable {
    /// Who may give the property.
    public enum Access: Hashable, Sendable {
        /// Given on `add` and `set`, printed.
        case readWrite
        /// Printed only; refused on `add` and `set` (`public-key` of a WireGuard interface, `running`).
        case readOnly
        /// Given on `add` only, never printed (`place-before`, `copy-from`).
        case writeOnly
    }

    public var kind: ValueKind
    /// The value RouterOS prints when the property was not given, or nil when it prints nothing.
    public var defaultValue: String?
    public var access: Access
    /// Printed masked to users without the `sensitive` policy; never shown by rosplay.
    public var sensitive: Bool
    /// `add` traps without it.
    public var required: Bool

    public init(_ kind: ValueKind, default defaultValue: String? = nil, access: Access = .readWrite, sensitive: Bool = false, required: Bool = false) {
        self.kind = kind
        self.defaultValue = defaultValue
        self.access = access
        self.sensitive = sensitive
        self.required = required
    }
}
