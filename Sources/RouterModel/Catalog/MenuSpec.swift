/// Everything rosplay and MockRouter know about one RouterOS menu: how entries come and go, what
/// identifies them, their order, value kinds, defaults, secrets, where the menu stands in the
/// dependency order, whether export includes it and which interface type its entries are.
///
/// Each fact is written once, here. A version's spec for a menu comes from
/// ``RouterSchema/spec(for:)``: the curated catalog's where it has one (``Origin/curated``),
/// else derived from RouterOS's own command tree (``Origin/derived``).
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

    /// Where the spec's facts come from.
    public enum Origin: String, Hashable, Sendable {
        /// The catalog: behaviour checked against MikroTik's documentation and real routers.
        case curated
        /// RouterOS's command tree: style, identity `name`, kinds from argument descriptions.
        case derived
    }

    /// The menu path, such as `/interface/wireguard/peers`.
    public var path: String
    public var origin: Origin
    /// Where changes to this menu go in an apply: adds and sets by ascending level, removals by
    /// descending level, so what is referenced exists first and goes last.
    public var level: Int
    /// The `type` `/interface print` shows for this menu's entries, when they are interfaces.
    public var interfaceType: String?
    /// False for menus that hold state rather than configuration (`/system/resource`) or that
    /// export leaves out (`/user`: passwords cannot be read back).
    public var exported: Bool
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
        origin: Origin = .curated,
        level: Int,
        interfaceType: String? = nil,
        exported: Bool = true,
        style: Style = .list,
        identity: [String],
        ordered: Bool = false,
        unique: [[String]] = [],
        duplicateMessage: String? = nil,
        properties: [String: PropertySpec]
    ) {
        self.path = path
        self.origin = origin
        self.level = level
        self.interfaceType = interfaceType
        self.exported = exported
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
