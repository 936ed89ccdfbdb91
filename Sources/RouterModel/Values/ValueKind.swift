/// How RouterOS reads one property's values and how it prints them back.
///
/// The same kinds drive MockRouter (which refuses what RouterOS refuses and prints what
/// RouterOS prints) and the reconciler (which compares a playbook's values with the router's
/// after normalising both), so "no noise" holds by construction.
public indirect enum ValueKind: Hashable, Sendable {
    /// Free text, optionally limited in length.
    case text(maxLength: Int? = nil)
    /// A value RouterOS does not describe and the catalog does not know: kept as written, and
    /// compared the way RouterOS treats every value (`yes` is `true`, `010` is `10`, `60s` is
    /// `1m`), so a playbook's form never shows up as a difference.
    case untyped
    /// `yes`/`no`/`true`/`false` in, `true`/`false` out.
    case boolean
    /// A switch such as a route's `blackhole`: sent without a value (or `yes`), printed `true`;
    /// `no` turns it off.
    case presence
    /// A decimal integer within a range; printed without leading zeros.
    case integer(ClosedRange<Int64>)
    /// A RouterOS time interval (`25`, `25s`, `1m30s`, `00:01:30`, `200ms`), printed the way
    /// RouterOS does (`60s` is `1m`); bounds in milliseconds when known.
    case duration(ClosedRange<Int64>? = nil)
    /// Exactly one of these words.
    case enumeration([String])
    /// A comma-separated subset of these words, printed in the order given here.
    case flags([String])
    /// An IP address (`nil`: either family). IPv6 prints in canonical compressed form.
    case ipAddress(IPFamily?)
    /// An address optionally scoped to an interface (`fe80::1%ether1`), as route gateways are written.
    case scopedAddress(IPFamily?)
    /// An address with a prefix length. `masked`: host bits are cleared (routes, address lists);
    /// otherwise they are kept (interface addresses). A bare address gets the full length.
    case ipPrefix(IPFamily?, masked: Bool)
    /// An address range `a-b`, a prefix or an address, as firewall matchers take them.
    case ipMatch(IPFamily?)
    /// Ports and port ranges: `53`, `33434-33534`, `500,4500`.
    case portList
    /// A 32-byte key in base64 (WireGuard).
    case key32Base64
    /// A bit rate: `20M`, `512k`, `1G` or plain bits per second, printed in plain bits (`20000000`).
    case rate
    /// A value for each direction, `upload/download` (`20M/20M`), or one value for both.
    case eachWay(ValueKind)
    /// Positional fields joined by `separator`, the later ones optional: a tunnel's `keepalive`
    /// `interval,retries` (`10,10` prints `10s,10`).
    case fields([ValueKind], separator: String)
    /// A MAC address, printed upper-case with colons.
    case macAddress
    /// The name of an entry of another menu (`/interface` for an interface), or of one of `keywords`.
    case reference(menu: String, keywords: [String] = [])
    /// A comma-separated list of values of one kind.
    case list(ValueKind)
    /// The first of these kinds that accepts the value; a value one of them finds out of range is refused.
    case choice([ValueKind])
    /// An optional leading `!` (negation, as in `in-interface-list=!LAN`) before a value of this kind.
    case negatable(ValueKind)
}

/// IPv4 or IPv6.
public enum IPFamily: Hashable, Sendable {
    case v4, v6
}

extension ValueKind {
    /// The menus whose entries' names values of this kind refer to.
    public var referencedMenus: [String] {
        switch self {
        case .reference(let menu, _): return [menu]
        case .negatable(let inner), .list(let inner), .eachWay(let inner): return inner.referencedMenus
        case .choice(let kinds), .fields(let kinds, _): return kinds.flatMap(\.referencedMenus)
        default: return []
        }
    }
}
