import RouterModel

/// Where rosplay's own API session comes from and what carries it, as the router sees it: what a
/// plan must not cut. Read with ``read(from:user:service:)``, judged by ``LockoutGuard``.
///
/// The path is resolved from the live entries it keeps in ``live``, so a test can build one from
/// entries held in memory with ``resolve(user:service:activeSessions:live:)``.
public struct SessionPath: Sendable {
    /// The session's source address as the router sees it (`/user/active`).
    public var address: IPText.Address
    /// The user the session logged in as.
    public var user: String
    /// The user's group, from `/user`, else from the session's `/user/active` row (a RADIUS login); nil when neither says.
    public var group: String?
    /// The `/ip/service` entry the session came in by: `api-ssl` or `api`.
    public var service: String
    /// The interface the session arrives on, then those it rides on (a VLAN's parent, and its
    /// parent…). Empty for a loopback session, and when no address or route explains the session.
    public var interfaces: [String]
    /// The `.id` of the `/ip/address` or `/ipv6/address` entry whose network holds ``address``.
    public var localAddressID: String?
    /// The `.id` of the route replies take when no local network holds ``address``.
    public var routeID: String?
    /// The `.id` of the local address whose network holds that route's gateway.
    public var gatewayAddressID: String?
    /// The prefix length of that network or route: a new route at least as long takes the session's traffic.
    public var matchedPrefixLength: Int?
    /// The `.id` of the WireGuard peer whose `allowed-address` holds ``address``.
    public var wireGuardPeerID: String?
    /// The live entries the path was resolved from (menu path → entries in the router's order),
    /// which ``LockoutGuard`` judges a plan against: ``commonMenus`` and the family's ``familyMenus``,
    /// the route menu holding only routes whose destination holds ``address``.
    public var live: [String: [LiveEntry]]
    /// What could not be made out, in plain words, for the operator to read before applying.
    public var warnings: [String]

    /// True for a session from the router itself (127.0.0.0/8, ::1): only the service and the user can cut it.
    public var isLoopback: Bool { address.isLoopback }

    /// Menus read whatever the session's address family.
    public static let commonMenus = [
        "/user", "/user/group", "/ip/service", "/interface", "/interface/vlan", "/interface/list",
        "/interface/list/member", "/interface/bridge/port", "/interface/wireguard/peers", "/ip/address", "/ipv6/address",
    ]

    /// The menus of one address family the path and the guard use.
    public struct FamilyMenus: Sendable, Hashable {
        public let address: String
        public let route: String
        public let filter: String
        /// The raw table: its `prerouting` sees every packet before the filter does.
        public let raw: String
        public let addressList: String
    }

    public static func familyMenus(_ family: IPFamily) -> FamilyMenus {
        family == .v4
            ? FamilyMenus(address: "/ip/address", route: "/ip/route", filter: "/ip/firewall/filter", raw: "/ip/firewall/raw",
                           addressList: "/ip/firewall/address-list")
            : FamilyMenus(address: "/ipv6/address", route: "/ipv6/route", filter: "/ipv6/firewall/filter", raw: "/ipv6/firewall/raw",
                           addressList: "/ipv6/firewall/address-list")
    }

    /// The menus of this session's family.
    public var menus: FamilyMenus { Self.familyMenus(address.family) }

    /// The `/ip/service` entry of the session, as read.
    var serviceEntry: LiveEntry? {
        live["/ip/service"]?.first { $0.properties["name"] == service && $0.properties["dynamic"] != "true" }
    }

    /// The `/user` entry of the session's user, as read.
    var userEntry: LiveEntry? {
        live["/user"]?.first { $0.properties["name"] == user }
    }
}

/// Why a session path could not be read.
public struct SessionPathError: Error, CustomStringConvertible, Sendable {
    public let description: String
}
