/// What rosplay and MockRouter know about one RouterOS menu beyond its command tree:
/// identity, order, defaults, value kinds, read-only and secret properties.
///
/// Which properties exist in a given RouterOS version comes from the embedded schema
/// (``RouterSchema``); a spec describes how they behave.
public struct MenuSpec: Hashable, Sendable {
    /// How entries come and go.
    public enum Style: Hashable, Sendable {
        /// Entries are added and removed (`/ip/address`).
        case list
        /// One unnumbered item that is only `set` (`/system/identity`, `/ip/dns`).
        case settings
        /// A fixed set of entries that are only `set` (`/ip/service`, `/interface/ethernet`).
        case fixed
    }

    /// The menu path, such as `/interface/wireguard/peers`.
    public var path: String
    public var style: Style
    /// The properties that match a playbook entry to a live one (never `.id`).
    public var identity: [String]
    /// True when the order of entries matters (firewall rules, routing filter rules, BFD configuration).
    public var ordered: Bool
    /// Property name → behaviour. Properties the schema lists but this table omits are free text.
    public var properties: [String: PropertySpec]
    /// Sets of properties whose combined values must be unique; `add`/`set` trap otherwise.
    public var unique: [[String]]
    /// The trap text RouterOS gives for a duplicate, when known.
    public var duplicateMessage: String?

    public init(
        _ path: String,
        style: Style = .list,
        identity: [String],
        ordered: Bool = false,
        unique: [[String]] = [],
        duplicateMessage: String? = nil,
        properties: [String: PropertySpec]
    ) {
        self.path = path
        self.style = style
        self.identity = identity
        self.ordered = ordered
        self.unique = unique
        self.duplicateMessage = duplicateMessage
        self.properties = properties
    }

    /// Arguments of `add` and `set` that steer the command (select, place, copy) rather than
    /// describe the entry; a playbook never writes them as properties.
    public static let controlArguments: Set<String> = ["numbers", ".id", "place-before", "copy-from"]

    /// Properties the catalog marks secret (``SecretRule`` also counts secret-sounding names).
    public var sensitiveProperties: Set<String> {
        Set(properties.filter { $0.value.sensitive }.keys)
    }
}
