// Curated behaviour of the /ip and /ipv6 menus rosplay manages.
//
// Reference schema: RouterOS 7.20.8 (Generated/EmbeddedSchemas.swift). Version differences are noted
// where a property is missing from one of the embedded versions (7.18.2, 7.19.6, 7.22.3, 7.24).
//
// Sources used throughout (short keys in the per-menu comments):
// - CLI: MikroTik manual CLI reference, https://manual.mikrotik.com/docs/cli-reference/<path>/
//   (auto-generated argument tables; `super { ! ... }` marks a negatable matcher).
// - ANS: Ansible community.routeros 3.22.0 `plugins/module_utils/_api_data.py` (defaults as
//   `/export verbose` shows them; `can_disable` fields are absent from print when unset).
// - Manual pages named per menu (DHCP, DNS, Services, Neighbor discovery).
// - /work/shared/ROUTEROS.md for defconf and per-menu notes.
//
// Rule used for defaults: a property gets `default` only when docs, Ansible or an export state the
// value RouterOS prints while the property was never given. Properties that Ansible marks
// `can_disable` (the export writes `!prop` for them) are absent from print when unset, so they get
// no default even where the manual names one.

extension MenuCatalog {
    static let ipMenus: [MenuSpec] = [
        IPMenuTables.ipAddress,
        IPMenuTables.ipRoute,
        IPMenuTables.ipPool,
        IPMenuTables.ipDNS,
        IPMenuTables.ipDNSStatic,
        IPMenuTables.ipDHCPClient,
        IPMenuTables.ipDHCPServer,
        IPMenuTables.ipDHCPServerNetwork,
        FirewallTables.ipFilter,
        FirewallTables.ipNAT,
        FirewallTables.ipMangle,
        FirewallTables.ipRaw,
        IPMenuTables.ipFirewallAddressList,
        IPMenuTables.ipNeighborDiscoverySettings,
        IPMenuTables.ipService,
        IPMenuTables.ipv6Address,
        IPMenuTables.ipv6Route,
        IPMenuTables.ipv6ND,
        IPMenuTables.ipv6NDPrefix,
        IPMenuTables.ipv6Settings,
        FirewallTables.ipv6Filter,
        FirewallTables.ipv6Mangle,
        FirewallTables.ipv6Raw,
        FirewallTables.ipv6NAT,
        IPMenuTables.ipv6FirewallAddressList,
    ]
}

// MARK: - /ip

/// The specs of ``MenuCatalog/ipMenus`` other than the firewall tables.
private enum IPMenuTables {
    // Source: CLI ip/address (address, interface mandatory; read-only actual-interface, vrf; flags X I D S);
    // ANS (primary key address+interface); trap text from ANS CHANGELOG ("failure: already have such address").
    static let ipAddress = MenuSpec(
        "/ip/address",
        level: 3,
        identity: ["address", "interface"],
        unique: [["address", "interface"]],
        duplicateMessage: "failure: already have such address",
        properties: CommonProperties.commentAndDisabled
            .adding(CommonProperties.dynamic)
            .adding([
                // Host bits are kept: 192.168.88.1/24 prints as given.
                "address": PropertySpec(.ipPrefix(.v4, masked: false), required: true),
                "interface": .interface(required: true),
                // Derived from address. RouterOS also accepts `network` on add/set (the 7.20.8 schema
                // lists it; exports print it, e.g. point-to-point /32 with a peer network), but rosplay
                // treats it as derived, per the catalog brief.
                // Accepted on add/set (7.20.8 schema; exports print it); RouterOS derives it when not given.
                "network": PropertySpec(.ipAddress(.v4)),
                // In the 7.20.8 add/set schema; not printed unless given (ANS: 7.15+ fields).
                "netmask": PropertySpec(.ipAddress(.v4)),
                "broadcast": PropertySpec(.ipAddress(.v4)),
                "copy-from": PropertySpec(.text(), access: .writeOnly),
                "actual-interface": .readOnly(.reference(menu: "/interface")),
                "invalid": .readOnlyFlag,
                "slave": .readOnlyFlag,
                "vrf": .readOnly(),
            ])
    )

    // Source: CLI ip/route; defaults distance=1 scope=30 target-scope=10 routing-table=main from ROUTEROS.md
    // (/ipv6/route) and ANS (routing-table main, suppress-hw-offload no); dst-address 0.0.0.0/0 when omitted
    // is assumed (old wiki default). ANS: blackhole and check-gateway are can_disable (absent when unset).
    static let ipRoute = MenuSpec(
        "/ip/route",
        level: 3,
        // No natural key: a human names a static route by destination and table; the gateway is part of
        // the identity because failover/ECMP setups keep several routes to one destination.
        identity: ["dst-address", "gateway", "routing-table"],
        properties: routeProperties(.v4)
    )

    // Source: CLI ip/pool (ranges mandatory; next-pool enum with `none`; read-only total/used/available); ANS.
    static let ipPool = MenuSpec(
        "/ip/pool",
        level: 0,
        identity: ["name"],
        unique: [["name"]],
        duplicateMessage: nil, // assumed unique; RouterOS text not found
        properties: [
            "name": .text(),
            "comment": .text(),
            "ranges": PropertySpec(.list(.ipMatch(.v4)), required: true),
            "next-pool": PropertySpec(.reference(menu: "/ip/pool", keywords: ["none"])), // default: unknown
            "copy-from": PropertySpec(.text(), access: .writeOnly),
            "total": .readOnly(.integer(0...4_294_967_295)),
            "used": .readOnly(.integer(0...4_294_967_295)),
            "available": .readOnly(.integer(0...4_294_967_295)),
        ]
    )

    // Source: DNS manual page (property table with defaults; `ip dns print` sample prints cache-size as
    // `2048KiB`); ANS (cache-size '2048KiB', servers '', use-doh-server '').
    static let ipDNS = MenuSpec(
        "/ip/dns",
        level: 0,
        style: .settings,
        identity: [],
        properties: [
            // IPv4/IPv6 addresses, optionally `addr@vrf`: addresses are normalised, the rest kept as text.
            "servers": PropertySpec(.list(.choice([.ipAddress(nil), .text()])), default: ""),
            "allow-remote-requests": .boolean(default: false),
            "address-list-extra-time": PropertySpec(.duration(), default: "0s"),
            "cache-max-ttl": PropertySpec(.duration(), default: "1w"),
            // Set as an integer (KiB, 64..4294967295), printed with the unit: no kind fits, so text.
            "cache-size": .text(default: "2048KiB"),
            "max-concurrent-queries": PropertySpec(.integer(0...4_294_967_295), default: "100"),
            "max-concurrent-tcp-sessions": PropertySpec(.integer(0...4_294_967_295), default: "20"),
            "max-udp-packet-size": PropertySpec(.integer(50...65_507), default: "4096"),
            "query-server-timeout": PropertySpec(.duration(), default: "2s"),
            "query-total-timeout": PropertySpec(.duration(), default: "10s"),
            "use-doh-server": .text(default: ""),
            "verify-doh-cert": .boolean(default: false),
            "doh-max-server-connections": PropertySpec(.integer(0...4_294_967_295), default: "5"),
            "doh-max-concurrent-queries": PropertySpec(.integer(0...4_294_967_295), default: "50"),
            "doh-timeout": PropertySpec(.duration(), default: "5s"),
            "vrf": PropertySpec(.reference(menu: "/ip/vrf", keywords: ["main"]), default: "main"),
            "mdns-repeat-ifaces": PropertySpec(.list(.reference(menu: "/interface"))), // default: unknown
            "dynamic-servers": .readOnly(.list(.ipAddress(nil))),
            "cache-used": .readOnly(),
        ]
    )

    // Source: DNS manual page (types, ttl 24h printed `1d` per ANS and exports, match-subdomain no);
    // CLI ip/dns/static; exports always print `type=A` (7.x defconf `name=router.lan type=A`).
    static let ipDNSStatic = MenuSpec(
        "/ip/dns/static",
        level: 2,
        // A record is named by its name and type; several A records for one name (round robin) would
        // collide, which rosplay playbooks do not need. Regexp entries have no name (rare).
        identity: ["name", "type"],
        // The list is evaluated top to bottom (manual), but only regexp entries depend on it; rosplay
        // does not reorder it.
        properties: CommonProperties.commentAndDisabled
            .adding(CommonProperties.dynamic)
            .adding([
                "name": .text(),
                "regexp": .text(),
                // Derived when omitted: A for an IPv4 address, AAAA for IPv6 (no static default).
                "type": PropertySpec(.enumeration(["A", "AAAA", "CNAME", "FWD", "MX", "NS", "NXDOMAIN", "SRV", "TXT"])),
                "address": PropertySpec(.ipAddress(nil)),
                "ttl": PropertySpec(.duration(), default: "1d"),
                "match-subdomain": .boolean(default: false),
                "mx-preference": PropertySpec(.integer(0...65_535)),
                "srv-port": PropertySpec(.integer(0...65_535)),
                "srv-priority": PropertySpec(.integer(0...65_535)),
                "srv-weight": PropertySpec(.integer(0...65_535)),
                "place-before": PropertySpec(.text(), access: .writeOnly),
                "copy-from": PropertySpec(.text(), access: .writeOnly),
            ])
    )

    // Source: DHCP manual page, DHCP client (defaults; doc says disabled=yes but 7.x defconf exports
    // `/ip dhcp-client add comment=defconf interface=ether1` for an enabled client, so disabled=no);
    // CLI ip/dhcp-client; ANS (primary key interface; version notes).
    static let ipDHCPClient = MenuSpec(
        "/ip/dhcp-client",
        level: 3,
        identity: ["interface"],
        unique: [["interface"]],
        duplicateMessage: nil, // assumed: one client per interface; RouterOS text not found
        properties: CommonProperties.commentAndDisabled
            .adding(CommonProperties.dynamic)
            .adding([
                "interface": .interface(required: true),
                "add-default-route": PropertySpec(.enumeration(["no", "yes", "special-classless"]), default: "yes"),
                "default-route-distance": PropertySpec(.integer(0...255), default: "1"),
                "default-route-tables": .text(), // 7.18+; default: unknown (manual says `default`)
                "use-peer-dns": .boolean(default: true),
                "use-peer-ntp": .boolean(default: true),
                // default: unknown (ANS 'hostname,clientid' from older exports; 7.x adds clientid_duid)
                "dhcp-options": PropertySpec(.list(.text())),
                "script": .text(),
                "check-gateway": PropertySpec(.enumeration(["none", "arp", "ping", "bfd"]), default: "none"), // 7.19+
                "allow-reconfigure": .boolean(default: false), // 7.19+
                "dscp": PropertySpec(.integer(0...63), default: "0"), // 7.20+
                "vlan-priority": PropertySpec(.integer(0...7), default: "0"), // 7.20+
                "use-broadcast": PropertySpec(.enumeration(["always", "both", "never"]), default: "both"), // 7.20+
                "name": .text(), // 7.22+; generated when not given
                "copy-from": PropertySpec(.text(), access: .writeOnly),
                "invalid": .readOnlyFlag,
                "status": .readOnly(.enumeration(["stopped", "searching...", "requesting...", "bound", "renewing...", "rebinding...", "error"])),
                "address": .readOnly(.ipPrefix(.v4, masked: false)),
                "gateway": .readOnly(.ipAddress(.v4)),
                "dhcp-server": .readOnly(.ipAddress(.v4)),
                "primary-dns": .readOnly(.ipAddress(.v4)),
                "secondary-dns": .readOnly(.ipAddress(.v4)),
                "expires-after": .readOnly(.duration()),
            ])
    )

    // Source: DHCP manual page, DHCP Server Properties (lease-time 30m in the v7 manual; ANS still says
    // 10m, an older default); ANS for which properties print when unset (can_disable ones do not).
    static let ipDHCPServer = MenuSpec(
        "/ip/dhcp-server",
        level: 3,
        identity: ["name"],
        unique: [["name"]],
        duplicateMessage: nil, // assumed; RouterOS text not found
        properties: CommonProperties.commentAndDisabled
            .adding(CommonProperties.dynamic)
            .adding([
                "name": .text(), // generated when not given
                "interface": .interface(required: true),
                "address-pool": PropertySpec(.reference(menu: "/ip/pool", keywords: ["static-only"]), default: "static-only"),
                "lease-time": PropertySpec(.duration(1_000...4_294_967_295_000), default: "30m"),
                "authoritative": PropertySpec(.enumeration(["after-10sec-delay", "after-2sec-delay", "yes", "no"]), default: "yes"),
                "bootp-lease-time": PropertySpec(.choice([.enumeration(["forever", "lease-time"]), .duration()]), default: "forever"),
                "lease-script": .text(default: ""),
                "use-radius": PropertySpec(.enumeration(["no", "yes", "accounting"]), default: "no"),
                "add-arp": .boolean(), // default: unknown as printed (manual: no)
                "use-reconfigure": .boolean(), // 7.19+; default: unknown as printed (manual: no)
                // Manual defaults given in comments; absent from print when unset (ANS can_disable).
                "always-broadcast": .boolean(), // manual: no
                "allow-dual-stack-queue": .boolean(), // manual: yes
                "conflict-detection": .boolean(), // manual: yes
                "use-framed-as-classless": .boolean(), // manual: yes
                "bootp-support": PropertySpec(.enumeration(["none", "static", "dynamic"])), // manual: static
                "client-mac-limit": PropertySpec(.choice([.enumeration(["unlimited"]), .integer(0...4_294_967_295)])), // manual: unlimited
                "delay-threshold": PropertySpec(.choice([.enumeration(["none"]), .duration()])), // manual: none
                "relay": PropertySpec(.ipAddress(.v4)), // manual: 0.0.0.0
                "server-address": PropertySpec(.ipAddress(.v4)), // manual: 0.0.0.0
                "dhcp-option-set": .text(), // manual: none
                "insert-queue-before": .text(), // manual: first
                "parent-queue": .text(), // manual: none
                "address-lists": .text(), // 7.17+
                // 7.22+ (ANS: 7.21+); manual: client-id,client-mac / no.
                "dynamic-lease-identifiers": PropertySpec(.flags(["client-id", "client-mac", "opt-82"])),
                "support-broadband-tr101": .boolean(),
                // 7.24 only; manual: no / "".
                "add-dns-entries": .boolean(),
                "add-dns-entries-suffix": .text(),
                "copy-from": PropertySpec(.text(), access: .writeOnly),
                "invalid": .readOnlyFlag,
            ])
    )

    // Source: DHCP manual page, Network; ANS (primary key address; dns-none default no). gateway: the manual
    // says 0.0.0.0, ANS says '' (conflict, so no default). defconf example in ROUTEROS.md.
    static let ipDHCPServerNetwork = MenuSpec(
        "/ip/dhcp-server/network",
        level: 3,
        identity: ["address"],
        properties: [
            "comment": .text(),
            "address": PropertySpec(.ipPrefix(.v4, masked: true), required: true),
            "gateway": PropertySpec(.list(.ipAddress(.v4))), // default: unknown
            "dns-server": PropertySpec(.list(.ipAddress(.v4))), // 7.24 loosens the type (IPv6 too?)
            "ntp-server": PropertySpec(.list(.ipAddress(.v4))),
            "wins-server": PropertySpec(.list(.ipAddress(.v4))),
            "caps-manager": PropertySpec(.list(.ipAddress(.v4))),
            "next-server": PropertySpec(.ipAddress(.v4)),
            "netmask": PropertySpec(.integer(0...32)), // manual: 0 (= from address); ANS can_disable
            "dns-none": .boolean(default: false),
            "ntp-none": .boolean(default: false), // 7.20+ (manual: no)
            "domain": .text(),
            "boot-file-name": .text(),
            "dhcp-option": .text(),
            "dhcp-option-set": .text(),
            "copy-from": PropertySpec(.text(), access: .writeOnly),
        ]
    )

    // Source: CLI ip/firewall/address-list; ANS (primary key address+list; dynamic/timeout settable 7.15+);
    // trap text "failure: already have such entry" from several librouteros-based clients (3P).
    static let ipFirewallAddressList = MenuSpec(
        "/ip/firewall/address-list",
        level: 0,
        identity: ["list", "address"],
        unique: [["list", "address"]],
        duplicateMessage: "failure: already have such entry",
        properties: CommonProperties.commentAndDisabled.adding([
            "list": .text(required: true),
            // A range, a prefix, an address, or a DNS name (resolved by the router): names stay text.
            "address": PropertySpec(.choice([.ipMatch(.v4), .text()]), required: true),
            "timeout": PropertySpec(.duration(0...21_474_836_000)), // 0s..35w3d13h13m56s
            // Settable since 7.15 (`dynamic=yes` with a timeout); configured entries print false.
            "dynamic": .boolean(default: false),
            "copy-from": PropertySpec(.text(), access: .writeOnly),
            "creation-time": .readOnly(),
        ])
    )

    // Source: Neighbor discovery manual page (defaults: discover-interface-list static, discover-interval 30s,
    // protocol cdp,lldp,mndp, mode tx-and-rx, lldp-* no, lldp-med yes, lldp-med-net-policy-vlan disabled);
    // CLI ip/neighbor (discover-interface-list is negatable).
    static let ipNeighborDiscoverySettings = MenuSpec(
        "/ip/neighbor/discovery-settings",
        level: 0,
        style: .settings,
        identity: [],
        properties: [
            "discover-interface-list": PropertySpec(.negatable(.reference(menu: "/interface/list")), default: "static"),
            "discover-interval": PropertySpec(.duration(5_000...32_768_000), default: "30s"), // 7.24: max 9h6m7s
            "protocol": PropertySpec(.flags(["cdp", "lldp", "mndp"]), default: "cdp,lldp,mndp"),
            "mode": PropertySpec(.enumeration(["tx-and-rx", "tx-only", "rx-only"]), default: "tx-and-rx"),
            "lldp-mac-phy-config": .boolean(default: false),
            "lldp-max-frame-size": .boolean(default: false),
            "lldp-vlan-info": .boolean(default: false),
            "lldp-med-net-policy-vlan": PropertySpec(.choice([.enumeration(["disabled"]), .integer(0...4094)]), default: "disabled"),
            // 7.24 only (not in 7.20.8):
            "lldp-med": .boolean(default: true),
            "dying-gasp": .boolean(default: false),
            "add-dns-entries": .boolean(), // default: unknown
            "add-dns-entries-suffix": .text(),
        ]
    )

    // Source: Services manual page (max-sessions 1..1000 default 20, vrf main, tls-version any|only-1.2,
    // certificate default none, port 1..65535); CLI ip/service (read-only name, proto; flags D X I c).
    // From about 7.19 print also lists dynamic entries (resolver, dhcp, ...): rosplay skips dynamic ones.
    static let ipService = MenuSpec(
        "/ip/service",
        level: 0,
        style: .fixed,
        identity: ["name"],
        properties: CommonProperties.dynamic.adding([
            "name": .readOnly(),
            "disabled": .boolean(default: false),
            "port": PropertySpec(.integer(1...65_535)),
            // Printed masked (assumed): IPv4 and IPv6 prefixes may be mixed.
            "address": PropertySpec(.list(.ipPrefix(nil, masked: true))),
            "available-from": PropertySpec(.list(.ipPrefix(nil, masked: true))), // 7.24, replaces address
            // Only www-ssl and api-ssl print these (see MenuCatalog.builtinEntries).
            "certificate": PropertySpec(.reference(menu: "/certificate", keywords: ["none"])),
            "tls-version": PropertySpec(.enumeration(["any", "only-1.2"])),
            "vrf": PropertySpec(.reference(menu: "/ip/vrf", keywords: ["main"]), default: "main"),
            "max-sessions": PropertySpec(.integer(1...1000), default: "20"),
            "invalid": .readOnlyFlag,
            "proto": .readOnly(),
        ])
    )
}

// MARK: - /ipv6

extension IPMenuTables {
    // Source: CLI ipv6/address (interface mandatory; advertise "set by default for addresses with prefix
    // length 64"; read-only actual-interface, vrf, valid, preferred); ANS (eui-64 no, no-dad no, from-pool '');
    // ROUTEROS.md /ipv6/address.
    static let ipv6Address = MenuSpec(
        "/ipv6/address",
        level: 3,
        identity: ["address", "interface"],
        // Duplicate address on one interface: presumably refused like /ip/address, unverified, so not listed.
        properties: CommonProperties.commentAndDisabled
            .adding(CommonProperties.dynamic)
            .adding([
                // Not mandatory in the CLI: with from-pool it is a suffix such as ::1/64. Host bits kept.
                "address": PropertySpec(.ipPrefix(.v6, masked: false)),
                "interface": .interface(required: true),
                // No static default: RouterOS turns it on for /64 addresses and off otherwise, so the
                // printed value depends on the prefix length (MockRouter must derive it).
                "advertise": .boolean(),
                "eui-64": .boolean(default: false),
                "no-dad": .boolean(default: false),
                "from-pool": .text(default: ""),
                "auto-link-local": .boolean(), // 7.18+; default: unknown
                // 7.24 (ANS: 7.23+, default recommended): not in 7.20.8.
                "from-pool-policy": PropertySpec(.enumeration(["recommended", "strict", "without-acquire"]), default: "recommended"),
                "copy-from": PropertySpec(.text(), access: .writeOnly),
                "actual-interface": .readOnly(.reference(menu: "/interface")),
                "invalid": .readOnlyFlag,
                "link-local": .readOnlyFlag,
                "global": .readOnlyFlag,
                "deprecated": .readOnlyFlag,
                "slave": .readOnlyFlag,
                "valid": .readOnly(.choice([.enumeration(["forever"]), .duration()])),
                "preferred": .readOnly(.choice([.enumeration(["forever"]), .duration()])),
                "vrf": .readOnly(),
            ])
    )

    // Source: CLI ipv6/route; ROUTEROS.md /ipv6/route (blackhole is a switch in v7, distance 1,
    // routing-table main, scope 30, target-scope 10); ANS. pref-src is 7.20+ for IPv6.
    static let ipv6Route = MenuSpec(
        "/ipv6/route",
        level: 3,
        // Same reasoning as /ip/route.
        identity: ["dst-address", "gateway", "routing-table"],
        properties: routeProperties(.v6)
    )

    // Source: ROUTEROS.md /ipv6/nd (verbose-export defaults); CLI ipv6/nd (ranges, enums); ANS (primary key
    // interface). Built-in `interface=all` entry: see MenuCatalog.builtinEntries.
    static let ipv6ND = MenuSpec(
        "/ipv6/nd",
        level: 3,
        identity: ["interface"],
        properties: CommonProperties.commentAndDisabled.adding([ // comment: 7.15+
            "interface": PropertySpec(.reference(menu: "/interface", keywords: ["all"])),
            // `3m20s-10m` (min-max) or a single interval 3s..20m50s: no kind fits.
            "ra-interval": .text(default: "3m20s-10m"),
            "ra-delay": PropertySpec(.duration(), default: "3s"),
            "ra-lifetime": PropertySpec(.choice([.enumeration(["none"]), .duration(0...9_000_000)]), default: "30m"),
            "ra-preference": PropertySpec(.enumeration(["low", "medium", "high"]), default: "medium"),
            "reachable-time": PropertySpec(.choice([.enumeration(["unspecified"]), .duration(0...3_600_000)]), default: "unspecified"),
            "retransmit-interval": PropertySpec(.choice([.enumeration(["unspecified"]), .duration()]), default: "unspecified"),
            "hop-limit": PropertySpec(.choice([.enumeration(["unspecified"]), .integer(1...255)]), default: "unspecified"),
            "mtu": PropertySpec(.choice([.enumeration(["unspecified"]), .integer(1...65_535)]), default: "unspecified"), // range assumed
            // An enum, not a boolean: prints yes/no/self; routers of 2023 printed `false`, a boolean then
            // (routeros-captures: terraform-routeros ND reply), still read.
            "advertise-dns": PropertySpec(.choice([.enumeration(["no", "yes", "self"]), .boolean]), default: "yes"),
            "advertise-mac-address": .boolean(default: true),
            "managed-address-configuration": .boolean(default: false),
            "other-configuration": .boolean(default: false),
            "dns": PropertySpec(.list(.ipAddress(.v6))), // ANS default '' (unverified as printed)
            "pref64": PropertySpec(.ipPrefix(.v6, masked: true)), // 7.15+
            "copy-from": PropertySpec(.text(), access: .writeOnly),
            "invalid": .readOnlyFlag,
            "default": .readOnlyFlag, // the built-in entry; API form unverified
        ])
    )

    // Source: CLI ipv6/nd/prefix (prefix or `none`, interface mandatory, 6to4-interface with `none`,
    // lifetimes with `infinity`); ANS (6to4-interface none, on-link yes). Entries made from
    // `/ipv6/address advertise=yes` are dynamic.
    static let ipv6NDPrefix = MenuSpec(
        "/ipv6/nd/prefix",
        level: 4,
        identity: ["prefix", "interface"],
        properties: CommonProperties.commentAndDisabled
            .adding(CommonProperties.dynamic)
            .adding([
                "prefix": PropertySpec(.choice([.enumeration(["none"]), .ipPrefix(.v6, masked: true)])),
                "interface": .interface(required: true),
                "6to4-interface": PropertySpec(.reference(menu: "/interface", keywords: ["none"]), default: "none"),
                "on-link": .boolean(default: true),
                // Defaults come from /ipv6/nd/prefix/default (manual: autonomous yes, 1w, 4w2d); not
                // confirmed as printed on entries: default: unknown.
                "autonomous": .boolean(),
                "valid-lifetime": PropertySpec(.choice([.enumeration(["infinity"]), .duration()])),
                "preferred-lifetime": PropertySpec(.choice([.enumeration(["infinity"]), .duration()])),
                "dhcp6-pd-preferred": .boolean(), // 7.22+
                "copy-from": PropertySpec(.text(), access: .writeOnly),
                "invalid": .readOnlyFlag,
            ])
    )

    // Source: CLI ipv6/settings (enums); ANS (defaults: accept-redirects and accept-router-advertisements
    // yes-if-forwarding-disabled, disable-ipv6 no, forward yes, allow-fast-path yes (7.18+),
    // disable-link-local-address no (7.17+), multipath-hash-policy l3 (7.16+), stale-neighbor-timeout 60).
    static let ipv6Settings = MenuSpec(
        "/ipv6/settings",
        level: 0,
        style: .settings,
        identity: [],
        properties: [
            "disable-ipv6": .boolean(default: false),
            "forward": .boolean(default: true),
            // The current CLI reference calls it a bool; ANS (exports) prints yes-if-forwarding-disabled.
            "accept-redirects": PropertySpec(.enumeration(["no", "yes-if-forwarding-disabled"]), default: "yes-if-forwarding-disabled"),
            "accept-router-advertisements": PropertySpec(.enumeration(["no", "yes-if-forwarding-disabled", "yes"]), default: "yes-if-forwarding-disabled"),
            "accept-router-advertisements-on": .text(), // 7.22+ (ANS: 7.21+)
            "allow-fast-path": .boolean(default: true),
            "disable-link-local-address": .boolean(default: false),
            "multipath-hash-policy": PropertySpec(.enumeration(["l3", "l4", "l3-inner"]), default: "l3"),
            "stale-neighbor-timeout": PropertySpec(.integer(0...4_294_967_295), default: "60"),
            "stale-neighbor-detect-interval": PropertySpec(.integer(0...4_294_967_295)), // default: unknown
            // Depends on RAM since 7.1 (16384 for 1 GiB): default: unknown per device.
            "max-neighbor-entries": PropertySpec(.integer(0...4_294_967_295)),
            "min-neighbor-entries": PropertySpec(.integer(0...4_294_967_295)),
            "soft-max-neighbor-entries": PropertySpec(.integer(0...4_294_967_295)),
        ]
    )

    // Source: CLI ipv6/firewall/address-list (address: IPv6 prefix or DNS name; dynamic settable);
    // ANS (primary key address+list); defconf `bad_ipv6` list in ROUTEROS.md.
    static let ipv6FirewallAddressList = MenuSpec(
        "/ipv6/firewall/address-list",
        level: 0,
        identity: ["list", "address"],
        unique: [["list", "address"]],
        duplicateMessage: nil, // assumed same refusal as /ip/firewall/address-list; text not confirmed for IPv6
        properties: CommonProperties.commentAndDisabled.adding([
            "list": .text(required: true),
            "address": PropertySpec(.choice([.ipPrefix(.v6, masked: true), .text()]), required: true),
            "timeout": PropertySpec(.duration()),
            "dynamic": .boolean(default: false),
            "copy-from": PropertySpec(.text(), access: .writeOnly),
            "creation-time": .readOnly(),
        ])
    )

    /// /ip/route and /ipv6/route share their arguments (7.20.8).
    static func routeProperties(_ family: IPFamily) -> [String: PropertySpec] {
        CommonProperties.commentAndDisabled
            .adding(CommonProperties.dynamic)
            .adding([
                "dst-address": PropertySpec(.ipPrefix(family, masked: true), default: family == .v4 ? "0.0.0.0/0" : "::/0"),
                // An address, `address%interface`, an interface name, or a comma list of them.
                // An address (IPv6 link-local ones scoped: fe80::1%ether1) or an interface name.
                "gateway": PropertySpec(.choice([.scopedAddress(family), .text()])),
                // A switch in v7 (replaces v6 `type=blackhole`); API echo form unverified, so no default.
                // A switch; the printed form over the API is assumed (ROUTEROS.md: unverified).
                "blackhole": PropertySpec(.presence),
                "check-gateway": PropertySpec(.enumeration(["none", "arp", "ping", "bfd"])),
                "distance": PropertySpec(.integer(1...255), default: "1"),
                "scope": PropertySpec(.integer(0...255), default: "30"),
                "target-scope": PropertySpec(.integer(0...255), default: "10"),
                "routing-table": PropertySpec(.reference(menu: "/routing/table", keywords: ["main"]), default: "main"),
                "pref-src": PropertySpec(.ipAddress(family)), // /ipv6/route: 7.20+
                "vrf-interface": PropertySpec(.reference(menu: "/interface")),
                "suppress-hw-offload": .boolean(default: false), // gone in 7.22.3 and 7.24
                "copy-from": PropertySpec(.text(), access: .writeOnly),
                "active": .readOnlyFlag,
                "inactive": .readOnlyFlag,
                "immediate-gw": .readOnly(),
            ])
    }
}

// MARK: - Firewall tables

/// The eight ordered firewall tables share most matchers; each table takes the ones its 7.x schema lists.
private enum FirewallTables {
    // Source (all tables): CLI ip/firewall/{filter,nat,mangle,raw} and ipv6/firewall/{filter,nat,mangle,raw}
    // (actions per table, negatable matchers, enums); ANS (log no, log-prefix ''); firewall filter manual
    // (action default accept). REST/API print of a rule carries bytes, packets, invalid, dynamic, log,
    // log-prefix and disabled. Identity: rules have no natural key; a playbook names a rule by its chain
    // and comment (defconf comments repeat across chains, so chain is needed), and order comes from
    // `ordered`.

    static let ipFilter = table(
        "/ip/firewall/filter", .v4,
        actions: ["accept", "add-dst-to-address-list", "add-src-to-address-list", "drop", "fasttrack-connection",
                  "jump", "log", "passthrough", "reject", "return", "tarpit"],
        args: ipFilterArgs,
        extra: [
            "reject-with": PropertySpec(.enumeration([
                "icmp-network-unreachable", "icmp-host-unreachable", "icmp-protocol-unreachable", "icmp-port-unreachable",
                "icmp-net-prohibited", "icmp-host-prohibited", "tcp-reset", "icmp-admin-prohibited",
            ])),
            "connection-nat-state": PropertySpec(.negatable(.flags(["srcnat", "dstnat", "ein-snat", "ein-dnat"]))),
            "hw-offload": .boolean(), // 7.18-7.20 only; action=fasttrack-connection
        ]
    )

    static let ipNAT = table(
        "/ip/firewall/nat", .v4,
        actions: ["accept", "add-dst-to-address-list", "add-src-to-address-list", "dst-nat", "endpoint-independent-nat",
                  "jump", "log", "masquerade", "netmap", "passthrough", "redirect", "return", "same", "socksify",
                  "src-nat"], // socksify: 7.20+ (socks5-* arguments)
        args: ipNATArgs,
        extra: [
            "to-addresses": PropertySpec(.ipMatch(.v4)),
            "to-ports": PropertySpec(.portList),
            "randomise-ports": .boolean(),
            "same-not-by-dst": .boolean(),
            "socks5-server": PropertySpec(.ipAddress(.v4)), // 7.20+
            "socks5-port": PropertySpec(.integer(1...65_535)), // 7.20+
        ]
    )

    static let ipMangle = table(
        "/ip/firewall/mangle", .v4,
        actions: ["accept", "add-dst-to-address-list", "add-src-to-address-list", "change-dscp", "change-mss", "change-ttl",
                  "clear-df", "drop", "fasttrack-connection", "jump", "log", "mark-connection", "mark-packet", "mark-routing",
                  "passthrough", "return", "route", "set-priority", "sniff-pc", "sniff-tzsp", "strip-ipv4-options"],
        args: ipMangleArgs,
        extra: mangleExtras.adding([
            "route-dst": PropertySpec(.ipAddress(.v4)),
        ])
    )

    static let ipRaw = table(
        "/ip/firewall/raw", .v4,
        actions: ["accept", "add-dst-to-address-list", "add-src-to-address-list", "drop", "jump", "log", "notrack",
                  "passthrough", "return"],
        args: ipRawArgs
    )

    static let ipv6Filter = table(
        "/ipv6/firewall/filter", .v6,
        actions: ["accept", "add-dst-to-address-list", "add-src-to-address-list", "drop", "fasttrack-connection", "jump",
                  "log", "passthrough", "reject", "return"],
        args: ipv6FilterArgs,
        extra: [
            "reject-with": PropertySpec(.enumeration([
                "icmp-no-route", "icmp-admin-prohibited", "icmp-not-neighbour", "icmp-address-unreachable",
                "icmp-port-unreachable", "tcp-reset", "icmp-err-src-routing-header", "icmp-headers-too-long",
            ])),
        ]
    )

    static let ipv6NAT = table(
        "/ipv6/firewall/nat", .v6,
        actions: ["accept", "add-dst-to-address-list", "add-src-to-address-list", "dst-nat", "jump", "log", "masquerade",
                  "netmap", "passthrough", "redirect", "return", "src-nat"],
        args: ipv6NATArgs,
        extra: [
            "to-address": PropertySpec(.ipMatch(.v6)),
            "to-ports": PropertySpec(.portList),
        ]
    )

    static let ipv6Mangle = table(
        "/ipv6/firewall/mangle", .v6,
        actions: ["accept", "add-dst-to-address-list", "add-src-to-address-list", "change-dscp", "change-hop-limit",
                  "change-mss", "dnpt", "drop", "jump", "log", "mark-connection", "mark-packet", "mark-routing",
                  "passthrough", "return", "set-priority", "sniff-pc", "sniff-tzsp", "snpt"],
        args: ipv6MangleArgs,
        extra: mangleExtras.adding([
            "src-prefix": PropertySpec(.ipPrefix(.v6, masked: true)),
            "dst-prefix": PropertySpec(.ipPrefix(.v6, masked: true)),
        ])
    )

    static let ipv6Raw = table(
        "/ipv6/firewall/raw", .v6,
        actions: ["accept", "add-dst-to-address-list", "add-src-to-address-list", "drop", "jump", "log", "notrack",
                  "passthrough", "return"],
        args: ipv6RawArgs
    )

    /// Properties only mangle has (both families).
    private static let mangleExtras: [String: PropertySpec] = [
        // ANS: default yes (7.19+ field list); printed for mark-* actions.
        "passthrough": .boolean(default: true),
        "new-mss": PropertySpec(.choice([.enumeration(["clamp-to-pmtu"]), .integer(40...65_534)])),
        "new-priority": PropertySpec(.choice([.enumeration(["from-dscp", "from-ingress", "from-dscp-high-3-bits"]), .integer(0...63)])),
        "sniff-target": PropertySpec(.ipAddress(.v4)), // an IPv4 address in both families (schema)
        "sniff-target-port": PropertySpec(.integer(0...65_535)),
        "sniff-id": PropertySpec(.integer(0...4_294_967_295)),
        "new-dscp": PropertySpec(.choice([.enumeration(["from-priority", "from-priority-to-high-3-bits"]), .integer(0...63)])),
        "new-connection-mark": .text(),
        "new-packet-mark": .text(),
        "new-routing-mark": .text(),
    ]

    /// A table: the matchers of `family` that `args` names, plus the common rule properties.
    private static func table(
        _ path: String,
        _ family: IPFamily,
        actions: [String],
        args: [String],
        extra: [String: PropertySpec] = [:]
    ) -> MenuSpec {
        let vocabulary = matchers(family)
        var properties: [String: PropertySpec] = [:]
        for name in args {
            if let spec = vocabulary[name] {
                properties[name] = spec
            }
        }
        properties = properties
            .adding(extra)
            .adding(CommonProperties.commentAndDisabled)
            .adding(CommonProperties.dynamic)
            .adding([
                // Custom chains are allowed besides input/forward/output/prerouting/postrouting/srcnat/dstnat.
                "chain": .text(required: true),
                "action": PropertySpec(.enumeration(actions), default: "accept"),
                "log": .boolean(default: false),
                "log-prefix": .text(default: ""), // 7.22+ schema: max length 31
                "place-before": PropertySpec(.text(), access: .writeOnly),
                "copy-from": PropertySpec(.text(), access: .writeOnly),
                "bytes": PropertySpec(.integer(0...Int64.max), default: "0", access: .readOnly),
                "packets": PropertySpec(.integer(0...Int64.max), default: "0", access: .readOnly),
                "invalid": PropertySpec(.boolean, default: "false", access: .readOnly),
            ])
        return MenuSpec(path, level: 3, identity: ["chain", "comment"], ordered: true, properties: properties)
    }

    /// IP protocol names RouterOS accepts (firewall and switch-rule manual pages); any number 0..255 too.
    /// A number stays a number as given (whether RouterOS prints `6` as `tcp` is unverified).
    private static let protocolKind: ValueKind = .negatable(.choice([
        .enumeration([
            "dccp", "ddp", "egp", "encap", "etherip", "ggp", "gre", "hmp", "icmp", "icmpv6", "idpr-cmtp", "igmp",
            "ipencap", "ipip", "ipsec-ah", "ipsec-esp", "ipv6", "ipv6-frag", "ipv6-nonxt", "ipv6-opts", "ipv6-route",
            "iso-tp4", "l2tp", "ospf", "pim", "pup", "rdp", "rspf", "rsvp", "sctp", "st", "tcp", "udp", "udp-lite",
            "vmtp", "vrrp", "xns-idp", "xtp",
        ]),
        .integer(0...255),
    ]))

    /// Every matcher and action argument with a kind worth stating, for one family.
    private static func matchers(_ family: IPFamily) -> [String: PropertySpec] {
        let addressTypes = family == .v4
            ? ["unicast", "local", "broadcast", "multicast", "blackhole"]
            : ["unicast", "local", "anycast", "multicast", "unreachable"]
        var specs: [String: PropertySpec] = [
            "protocol": PropertySpec(protocolKind),
            "src-address": PropertySpec(.negatable(.ipMatch(family))),
            "dst-address": PropertySpec(.negatable(.ipMatch(family))),
            "src-address-list": PropertySpec(.negatable(.text())),
            "dst-address-list": PropertySpec(.negatable(.text())),
            "src-address-type": PropertySpec(.negatable(.flags(addressTypes))),
            "dst-address-type": PropertySpec(.negatable(.flags(addressTypes))),
            "in-interface": PropertySpec(.negatable(.reference(menu: "/interface"))),
            "out-interface": PropertySpec(.negatable(.reference(menu: "/interface"))),
            "in-interface-list": PropertySpec(.negatable(.reference(menu: "/interface/list"))),
            "out-interface-list": PropertySpec(.negatable(.reference(menu: "/interface/list"))),
            "in-bridge-port": PropertySpec(.negatable(.reference(menu: "/interface"))),
            "out-bridge-port": PropertySpec(.negatable(.reference(menu: "/interface"))),
            "in-bridge-port-list": PropertySpec(.negatable(.reference(menu: "/interface/list"))),
            "out-bridge-port-list": PropertySpec(.negatable(.reference(menu: "/interface/list"))),
            // Printed in RouterOS bit order (exports: `established,related,untracked`).
            "connection-state": PropertySpec(.negatable(.flags(["invalid", "established", "related", "new", "untracked"]))),
            "connection-nat-state": PropertySpec(.negatable(.flags(["srcnat", "dstnat"]))),
            "connection-type": PropertySpec(.negatable(.enumeration(["ftp", "pptp", "h323", "sip", "irc", "quake3", "tftp"]))),
            "connection-mark": PropertySpec(.negatable(.text())),
            "packet-mark": PropertySpec(.negatable(.text())),
            "routing-mark": PropertySpec(.negatable(.text())),
            "content": PropertySpec(.negatable(.text())),
            "tls-host": PropertySpec(.negatable(.text())),
            "src-port": PropertySpec(.negatable(.portList)),
            "dst-port": PropertySpec(.negatable(.portList)),
            "port": PropertySpec(.negatable(.portList)),
            "src-mac-address": PropertySpec(.negatable(.macAddress)),
            "dscp": PropertySpec(.negatable(.integer(0...63))),
            "priority": PropertySpec(.negatable(.integer(0...63))),
            "ingress-priority": PropertySpec(.negatable(.integer(0...63))),
            "random": PropertySpec(.integer(1...99)),
            // `in,ipsec`, `out,none`: direction and policy, kept as text.
            "ipsec-policy": .text(),
            "jump-target": .text(),
            "address-list": .text(),
            "address-list-timeout": PropertySpec(.choice([
                .enumeration(["none-dynamic", "none-static"]),
                .duration(0...21_474_836_000), // 0s..35w3d13h13m56s
            ])),
            "per-connection-classifier": PropertySpec(.negatable(.text())),
        ]
        if family == .v4 {
            specs["fragment"] = .boolean()
            specs["layer7-protocol"] = PropertySpec(.negatable(.text()))
            specs["ipv4-options"] = PropertySpec(.enumeration([
                "strict-source-routing", "loose-source-routing", "no-source-routing", "record-route", "no-record-route",
                "timestamp", "no-timestamp", "router-alert", "no-router-alert", "any", "none",
            ]))
            specs["p2p"] = PropertySpec(.negatable(.enumeration([
                "fasttrack", "gnutella", "direct-connect", "edonkey", "bit-torrent", "blubster", "soulseek", "winmx", "warez",
                "all-p2p",
            ])))
            specs["ttl"] = .text() // `equal:1`, `greater-than:64`
        } else {
            specs["hop-limit"] = .text() // `equal:1` (defconf rfc4890 rule)
            specs["headers"] = PropertySpec(.negatable(.text())) // `hop,dst:contains`
        }
        return specs
    }

    // Argument names per table: union of the embedded schemas (7.18.2 ... 7.24). `tos` is 7.22+,
    // `hw-offload` (filter) 7.18-7.20, `socks5-*`/`socksify-service` (nat) 7.20+.
    private static let ipFilterArgs = """
        action address-list address-list-timeout chain comment connection-bytes connection-limit connection-mark \
        connection-nat-state connection-rate connection-state connection-type content copy-from disabled dscp dst-address \
        dst-address-list dst-address-type dst-limit dst-port fragment hotspot hw-offload icmp-options in-bridge-port \
        in-bridge-port-list in-interface in-interface-list ingress-priority ipsec-policy ipv4-options jump-target \
        layer7-protocol limit log log-prefix nth out-bridge-port out-bridge-port-list out-interface out-interface-list p2p \
        packet-mark packet-size per-connection-classifier place-before port priority protocol psd random realm reject-with \
        routing-mark src-address src-address-list src-address-type src-mac-address src-port tcp-flags tcp-mss time \
        tls-host tos ttl
        """.split(separator: " ").map(String.init)

    private static let ipNATArgs = """
        action address-list address-list-timeout chain comment connection-bytes connection-limit connection-mark \
        connection-rate connection-type content copy-from disabled dscp dst-address dst-address-list dst-address-type \
        dst-limit dst-port fragment hotspot icmp-options in-bridge-port in-bridge-port-list in-interface in-interface-list \
        ingress-priority ipsec-policy ipv4-options jump-target layer7-protocol limit log log-prefix nth out-bridge-port \
        out-bridge-port-list out-interface out-interface-list packet-mark packet-size per-connection-classifier \
        place-before port priority protocol psd random randomise-ports realm routing-mark same-not-by-dst socks5-port \
        socks5-server socksify-service src-address src-address-list src-address-type src-mac-address src-port tcp-mss time \
        to-addresses to-ports tos ttl
        """.split(separator: " ").map(String.init)

    private static let ipMangleArgs = """
        action address-list address-list-timeout chain comment connection-bytes connection-limit connection-mark \
        connection-nat-state connection-rate connection-state connection-type content copy-from disabled dscp dst-address \
        dst-address-list dst-address-type dst-limit dst-port fragment hotspot icmp-options in-bridge-port \
        in-bridge-port-list in-interface in-interface-list ingress-priority ipsec-policy ipv4-options jump-target \
        layer7-protocol limit log log-prefix new-connection-mark new-dscp new-mss new-packet-mark new-priority \
        new-routing-mark new-ttl nth out-bridge-port out-bridge-port-list out-interface out-interface-list p2p packet-mark \
        packet-size passthrough per-connection-classifier place-before port priority protocol psd random realm route-dst \
        routing-mark sniff-id sniff-target sniff-target-port src-address src-address-list src-address-type \
        src-mac-address src-port tcp-flags tcp-mss time tls-host tos ttl
        """.split(separator: " ").map(String.init)

    private static let ipRawArgs = """
        action address-list address-list-timeout chain comment content copy-from disabled dscp dst-address \
        dst-address-list dst-address-type dst-limit dst-port fragment hotspot icmp-options in-bridge-port \
        in-bridge-port-list in-interface in-interface-list ingress-priority ipsec-policy ipv4-options jump-target limit \
        log log-prefix nth out-bridge-port out-bridge-port-list out-interface out-interface-list packet-mark packet-size \
        per-connection-classifier place-before port priority protocol psd random src-address src-address-list \
        src-address-type src-mac-address src-port tcp-flags tcp-mss time tls-host tos ttl
        """.split(separator: " ").map(String.init)

    private static let ipv6FilterArgs = """
        action address-list address-list-timeout chain comment connection-bytes connection-limit connection-mark \
        connection-nat-state connection-rate connection-state connection-type content copy-from disabled dscp dst-address \
        dst-address-list dst-address-type dst-limit dst-port headers hop-limit icmp-options in-bridge-port \
        in-bridge-port-list in-interface in-interface-list ingress-priority ipsec-policy jump-target limit log log-prefix \
        nth out-bridge-port out-bridge-port-list out-interface out-interface-list packet-mark packet-size \
        per-connection-classifier place-before port priority protocol random reject-with routing-mark src-address \
        src-address-list src-address-type src-mac-address src-port tcp-flags tcp-mss time tls-host tos
        """.split(separator: " ").map(String.init)

    private static let ipv6NATArgs = """
        action address-list address-list-timeout chain comment connection-bytes connection-limit connection-mark \
        connection-rate connection-state connection-type content copy-from disabled dscp dst-address dst-address-list \
        dst-address-type dst-limit dst-port headers hop-limit icmp-options in-bridge-port in-bridge-port-list in-interface \
        in-interface-list ingress-priority ipsec-policy jump-target limit log log-prefix nth out-bridge-port \
        out-bridge-port-list out-interface out-interface-list packet-mark packet-size per-connection-classifier \
        place-before port priority protocol random routing-mark src-address src-address-list src-address-type \
        src-mac-address src-port tcp-flags tcp-mss time to-address to-ports tos
        """.split(separator: " ").map(String.init)

    private static let ipv6MangleArgs = """
        action address-list address-list-timeout chain comment connection-bytes connection-limit connection-mark \
        connection-nat-state connection-rate connection-state connection-type content copy-from disabled dscp dst-address \
        dst-address-list dst-address-type dst-limit dst-port dst-prefix headers hop-limit icmp-options in-bridge-port \
        in-bridge-port-list in-interface in-interface-list ingress-priority ipsec-policy jump-target limit log log-prefix \
        new-connection-mark new-dscp new-hop-limit new-mss new-packet-mark new-priority new-routing-mark nth \
        out-bridge-port out-bridge-port-list out-interface out-interface-list packet-mark packet-size passthrough \
        per-connection-classifier place-before port priority protocol random routing-mark sniff-id sniff-target \
        sniff-target-port src-address src-address-list src-address-type src-mac-address src-port src-prefix tcp-flags \
        tcp-mss time tls-host tos
        """.split(separator: " ").map(String.init)

    private static let ipv6RawArgs = """
        action address-list address-list-timeout chain comment content copy-from disabled dscp dst-address \
        dst-address-list dst-address-type dst-limit dst-port headers hop-limit icmp-options in-bridge-port \
        in-bridge-port-list in-interface in-interface-list ingress-priority ipsec-policy jump-target limit log log-prefix \
        nth out-bridge-port out-bridge-port-list out-interface out-interface-list packet-mark packet-size \
        per-connection-classifier place-before port priority protocol random src-address src-address-list \
        src-address-type src-mac-address src-port tcp-flags tcp-mss time tls-host tos
        """.split(separator: " ").map(String.init)
}
