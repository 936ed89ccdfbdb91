// Routing menus: BGP (instance, template, connection, session), routing filters, BFD, tables and router IDs.
//
// Sources used throughout:
// - CLI reference: https://manual.mikrotik.com/docs/cli-reference/routing/ (bgp, bfd, filter, table, id), read via the
//   mirror newwlfz/mikrotik-docs-i18n. Arguments marked `unset` there can be unset, i.e. they are absent from print
//   until given, so they carry no default here.
// - Embedded schemas (7.18.2, 7.19.6, 7.20.8, 7.22.3, 7.24); 7.20.8 is the reference.
// - Third party: ansible-collections/community.routeros `_api_data.py`, terraform-routeros resource files (REST captures).

/// Value kinds shared by the routing menus.
private enum RoutingKinds {
    /// A BGP AS number. The schema gives `0..4294967295`, but the CLI reference types `as` as `super { as, [/as] }`:
    /// AS-dot (`1.10`) and the confederation form `confederation_as/as` (`as=43/34`) are accepted too, so anything
    /// that is not a plain number is kept as text. A plain number past the range is refused, as RouterOS does.
    static let asNumber: ValueKind = .choice([.integer(0...4_294_967_295), .text()])

    /// A VRF name. `/ip/vrf` is not a menu rosplay manages; `main` is the implicit VRF.
    static let vrf: ValueKind = .reference(menu: "/ip/vrf", keywords: ["main"])

    /// A routing table name. `main` is a built-in (dynamic) entry of `/routing/table`.
    static let routingTable: ValueKind = .reference(menu: "/routing/table", keywords: ["main"])

    /// Address families (7.19+ `afi`; 7.18 `address-families` had no `evpn`).
    static let afi: ValueKind = .flags(["ip", "ipv6", "l2vpn", "l2vpn-cisco", "vpnv4", "vpnv6", "evpn"])

    /// `output.redistribute`; `slaac` is 7.22+ (schema), kept so that newer routers' values are accepted;
    /// `copy` is printed by routers of 2023 (routeros-captures: terraform-routeros template reply).
    static let redistribute: ValueKind = .flags([
        "connected", "static", "rip", "ospf", "isis", "bgp", "vpn", "dhcp", "fantasy", "modem", "bgp-mpls-vpn", "slaac", "copy",
    ])

    /// `hold-time`: `infinity` or 3s..18h12m15s (schema `3s..18h12m15s`; CLI reference `infinity | time [3..65535]`).
    static let holdTime: ValueKind = .choice([.enumeration(["infinity"]), .duration(3_000...65_535_000)])

    /// A 32-bit counter ("num" in the CLI reference, no range given). Range assumed.
    static let num32: ValueKind = .integer(0...4_294_967_295)

    /// Multi-core affinity (CLI reference). `input` is valid for output affinity only. A 2023 router
    /// printed `input.affinity: "0"` (routeros-captures: terraform-routeros template reply).
    static let inputAffinity: ValueKind = .choice([.enumeration(["main", "alone", "remote-as", "instance", "afi", "vrf"]), .integer(0...0)])
    static let outputAffinity: ValueKind = .enumeration(["main", "alone", "remote-as", "instance", "afi", "vrf", "input"])

    /// A printed flag that RouterOS shows as `false` when not set (REST captures in terraform-routeros show
    /// `"inactive": "false"`, `"invalid": "false"` on ordinary entries).
    static let flagPrintedFalse = PropertySpec(.boolean, default: "false", access: .readOnly)

    /// Write-only `copy-from` (present in every `add` here).
    static let copyFrom = PropertySpec(.text(), access: .writeOnly)

    /// Write-only `place-before` for ordered menus.
    static let placeBefore = PropertySpec(.text(), access: .writeOnly)

    /// Parameters a BGP template shares with a connection (connections expose template parameters directly, per the
    /// CLI reference). Version notes from the embedded schemas:
    /// - `afi` is 7.19+, `address-families` 7.18 only;
    /// - `router-id`, `cluster-id`, `input.ignore-as-path-len`, `input.accept-unknown` are 7.18/7.19 only (moved to
    ///   `/routing/bgp/instance` in 7.20);
    /// - `input.filter-nlri`, `input.attr-error-handling`, `output.network-blackhole` appear in 7.20.8;
    /// - `add-path-out` is replaced by `input.add-path` / `output.add-path` in 7.22.
    static let templateParameters: [String: PropertySpec] = [
        "as": PropertySpec(asNumber),  // default: unknown (unset)
        "afi": PropertySpec(afi),  // default: unknown (unset); Ansible assumes `ip` for pre-7.19 address-families
        "address-families": PropertySpec(.flags(["ip", "ipv6", "l2vpn", "l2vpn-cisco", "vpnv4", "vpnv6"])),  // 7.18 only
        "router-id": PropertySpec(.ipAddress(.v4)),  // 7.18/7.19 only
        "cluster-id": PropertySpec(.ipAddress(.v4)),  // 7.18/7.19 only
        "hold-time": PropertySpec(holdTime),  // default: unknown (unset; Ansible claims 3m, not confirmed as printed)
        "keepalive-time": PropertySpec(.duration(1_000...1_800_000)),  // schema 1s..30m; default: unknown (unset)
        "multihop": .boolean(),  // default: unknown (unset)
        "use-bfd": .boolean(),  // default: unknown (unset)
        "nexthop-choice": PropertySpec(.enumeration(["default", "force-self", "propagate"])),  // default: unknown
        "templates": PropertySpec(.list(.reference(menu: "/routing/bgp/template"))),
        "routing-table": PropertySpec(routingTable),  // default: unknown (unset)
        "vrf": PropertySpec(vrf),  // default: unknown (unset)
        "cisco-vpls-nlri-len-fmt": PropertySpec(.enumeration(["auto-bits", "auto-bytes", "bits", "bytes"])),
        "add-path-out": PropertySpec(.enumeration(["all", "none"])),  // before 7.22; values from terraform-routeros
        "input.add-path": PropertySpec(.flags(["ip", "ipv6"])),  // 7.22+
        "output.add-path": PropertySpec(.flags(["ip", "ipv6"])),  // 7.22+
        "input.affinity": PropertySpec(inputAffinity),
        "output.affinity": PropertySpec(outputAffinity),
        "input.attr-error-handling": PropertySpec(.enumeration(["default", "revised"])),  // default: unknown
        "input.allow-as": PropertySpec(.integer(0...10)),  // range from terraform-routeros validation (3P)
        // Routing filter chains are plain names (chains exist only as long as rules use them): text.
        "input.filter": .text(),
        "input.filter-nlri": .text(),
        "output.filter-chain": .text(),
        "output.filter-select": .text(),
        // Firewall address-list name (IPv4 or IPv6 list): text.
        "output.network": .text(),
        "input.accept-nlri": .text(),
        "output.network-blackhole": .boolean(),  // 7.20.1+
        "output.redistribute": PropertySpec(redistribute),
        "output.default-originate": PropertySpec(.enumeration(["never", "if-installed", "always"])),
        "output.default-prepend": PropertySpec(.integer(0...255)),  // range from terraform-routeros validation (3P)
        "output.as-override": .boolean(),
        "output.remove-private-as": .boolean(),
        "output.keep-sent-attributes": .boolean(),
        "output.no-client-to-client-reflection": .boolean(),
        "output.no-early-cut": .boolean(),
        "input.ignore-as-path-len": .boolean(),  // 7.18/7.19 only
        // The CLI reference lists 10 | 100 | ... | 10000000 as completions, but a terraform-routeros REST capture
        // shows `5`: any number.
        "input.limit-process-routes-ipv4": PropertySpec(num32),
        "input.limit-process-routes-ipv6": PropertySpec(num32),
        "save-to": .text(),
    ]
}

extension MenuCatalog {
    static let routingMenus: [MenuSpec] = [
        // Source: https://manual.mikrotik.com/docs/cli-reference/routing/bgp/#routingbgpinstance ; Ansible _api_data.py
        // (7.20+ entry). The menu exists from 7.20 only (absent from the 7.18.2 and 7.19.6 schemas; v6 had a different
        // menu of the same name). `multipath` is 7.22+. Neither `name` nor `as` is marked mandatory in the CLI
        // reference, and Ansible treats `as` as optional.
        MenuSpec(
            "/routing/bgp/instance",
            level: 2,
            identity: ["name"],
            // Names are referenced by connections (`instance=`); duplicate refusal assumed, trap text unknown.
            unique: [["name"]],
            duplicateMessage: nil,
            properties: CommonProperties.commentAndDisabled.adding([
                "name": .text(),
                "as": PropertySpec(RoutingKinds.asNumber),  // default: unknown (unset)
                // An IP, or the name of a /routing/id entry (CLI reference: `alt { ipAddr, enum }`).
                "router-id": PropertySpec(.choice([.ipAddress(.v4), .reference(menu: "/routing/id")])),
                "routing-table": PropertySpec(RoutingKinds.routingTable),
                "vrf": PropertySpec(RoutingKinds.vrf),
                "cluster-id": PropertySpec(.ipAddress(.v4)),
                "ignore-as-path-len": .boolean(),  // default: unknown (unset)
                "multipath": PropertySpec(RoutingKinds.num32),  // 7.22+; "num", range assumed
                "inactive": RoutingKinds.flagPrintedFalse,
                "copy-from": RoutingKinds.copyFrom,
            ])
        ),

        // Source: https://manual.mikrotik.com/docs/cli-reference/routing/bgp/#routingbgptemplate ; exports show
        // `/routing bgp template set default as=65530` (ROUTEROS.md). A built-in template named `default` (flag `*`)
        // always exists and cannot be removed; MockRouter has to seed it.
        MenuSpec(
            "/routing/bgp/template",
            level: 3,
            identity: ["name"],
            // Templates are referenced by name (`templates=`); duplicate refusal assumed, trap text unknown.
            unique: [["name"]],
            duplicateMessage: nil,
            properties: CommonProperties.commentAndDisabled
                .adding(RoutingKinds.templateParameters)
                .adding([
                    "name": .text(required: true),  // mandatory in the CLI reference
                    // `*` flag of the built-in template; absent from print of other templates (terraform REST capture).
                    "default": .readOnlyFlag,
                    "inactive": RoutingKinds.flagPrintedFalse,
                    "copy-from": RoutingKinds.copyFrom,
                ])
        ),

        // Source: https://manual.mikrotik.com/docs/cli-reference/routing/bgp/#routingbgpconnection ; BGP peering page
        // (connect/listen default yes, per ROUTEROS.md); Ansible _api_data.py. Mandatory per the CLI reference:
        // `name`, `local.role`, and `instance` (7.20+; the field does not exist before 7.20). `remote.address` is
        // NOT mandatory in the CLI reference (Ansible requires it, its own choice). `remote.as` is optional: it is
        // learned from the peer's OPEN message.
        MenuSpec(
            "/routing/bgp/connection",
            level: 4,
            identity: ["name"],
            // Not known whether RouterOS refuses two connections with the same name: no uniqueness enforced.
            properties: CommonProperties.commentAndDisabled
                .adding(CommonProperties.dynamic)  // flag D: dynamic connections
                .adding(RoutingKinds.templateParameters)
                .adding([
                    "name": .text(required: true),
                    "instance": PropertySpec(.reference(menu: "/routing/bgp/instance"), required: true),  // 7.20+
                    "local.role": PropertySpec(
                        .enumeration([
                            "ibgp", "ibgp-rr", "ebgp", "ebgp-provider", "ebgp-rs", "ebgp-rs-client", "ebgp-customer",
                            "ebgp-peer",
                        ]),
                        required: true
                    ),
                    // An address to connect to, or a subnet to listen on; `i` flag in the CLI type allows an
                    // interface scope (`fe80::1%ether1`). Whether a bare host prints with `/32` is unconfirmed,
                    // so addresses and prefixes are kept as given (prefix host bits kept: assumed).
                    "remote.address": PropertySpec(.choice([.ipAddress(nil), .ipPrefix(nil, masked: false), .text()])),
                    "remote.as": PropertySpec(RoutingKinds.asNumber),
                    "remote.port": PropertySpec(.integer(0...65_535)),
                    "remote.ttl": PropertySpec(.integer(0...255)),  // range assumed (hop limit)
                    "remote.allowed-as": .text(),  // name of a /routing/filter/num-list
                    "local.address": PropertySpec(.choice([.ipAddress(nil), .text()])),  // may carry %interface
                    "local.port": PropertySpec(.integer(0...65_535)),
                    "local.ttl": PropertySpec(.integer(0...255)),  // range assumed (hop limit)
                    // Read-only per the CLI reference.
                    "local.default-address": .readOnly(.choice([.ipAddress(nil), .text()])),
                    "connect": .boolean(default: true),
                    "listen": .boolean(default: true),
                    // Schema: `string value, max length 80`. Listed as sensitive by MikroTik.
                    "tcp-md5-key": .secret(.text(maxLength: 80)),
                    "inactive": RoutingKinds.flagPrintedFalse,
                    "copy-from": RoutingKinds.copyFrom,
                ])
        ),

        // Source: https://manual.mikrotik.com/docs/cli-reference/routing/bgp/#routingbgpsession (read-only argument
        // table). No `add`/`set` in the schema (commands: clear, refresh, resend, stop, ...), so every property is
        // read-only; the schema records no printed properties for it, names come from the CLI reference. Entries are
        // cached after a session drops (peering page).
        MenuSpec(
            "/routing/bgp/session",
            level: 5,
            exported: false,
            identity: ["name"],
            properties: [
                "name": .readOnly(),
                "instance": .readOnly(),
                // Printed with scope, e.g. `111.111.11.11@vrf1` (BFD page example): text.
                "remote.address": .readOnly(),
                "remote.as": .readOnly(),
                "remote.id": .readOnly(.ipAddress(.v4)),
                "remote.afi": .readOnly(RoutingKinds.afi),
                "local.address": .readOnly(),
                "local.as": .readOnly(),
                "local.id": .readOnly(.ipAddress(.v4)),
                "local.role": .readOnly(),
                "established": .readOnlyFlag,  // flag E
                "stopped": .readOnlyFlag,
                "limit-exceeded": .readOnlyFlag,
                "ebgp": .readOnlyFlag,
                "ibgp": .readOnlyFlag,
                "use-bfd": .readOnlyFlag,
                "multihop": .readOnlyFlag,
                "hold-time": .readOnly(RoutingKinds.holdTime),
                "keepalive-time": .readOnly(.duration()),
                "uptime": .readOnly(.duration()),
                "prefix-count": .readOnly(RoutingKinds.num32),
                "last-started": .readOnly(),
                "last-stopped": .readOnly(),
                "vrf": .readOnly(),
                "routing-table": .readOnly(),
            ]
        ),

        // Source: https://manual.mikrotik.com/docs/cli-reference/routing/filter/#routingfilterrule ; "Route Selection
        // and Filtering" page. Rules are ordered within a chain (`place-before`, `move`). Identity: a rule has no
        // name, and comments are optional; the rule text IS the rule, so (chain, rule) identifies it — a changed
        // rule text is a different rule, replaced in place by the reconciler.
        MenuSpec(
            "/routing/filter/rule",
            level: 0,
            identity: ["chain", "rule"],
            ordered: true,
            properties: CommonProperties.commentAndDisabled.adding([
                "chain": .text(required: true),  // mandatory in the CLI reference; a chain is just a name
                "rule": .text(),  // script-like rule text
                "inactive": RoutingKinds.flagPrintedFalse,  // terraform REST capture prints `inactive`
                "place-before": RoutingKinds.placeBefore,
                "copy-from": RoutingKinds.copyFrom,
            ])
        ),

        // Source: https://manual.mikrotik.com/docs/user-guides/routing-and-networking-protocols/unicast/bfd/ and
        // https://manual.mikrotik.com/docs/cli-reference/routing/bfd/ . "Configuration entries are order sensitive";
        // anything not listed is forbidden. Identity: entries have no name; what an entry matches (interfaces,
        // addresses, address list, VRF) identifies it.
        MenuSpec(
            "/routing/bfd/configuration",
            level: 3,
            identity: ["interfaces", "addresses", "address-list", "vrf"],
            ordered: true,
            properties: CommonProperties.commentAndDisabled.adding([
                // Interfaces or interface lists (docs example: `interfaces=static`). Built-in lists as keywords.
                "interfaces": PropertySpec(.list(.choice([
                    .reference(menu: "/interface"),
                    .reference(menu: "/interface/list", keywords: ["all", "none", "dynamic", "static"]),
                ]))),
                // IPv4 or IPv6 prefixes (CLI reference `alt { ip6Prefix, ipPrefix }`; the 7.20.8 schema desc shows
                // only the IPv6 branch). Host bits cleared: assumed.
                "addresses": PropertySpec(.list(.ipPrefix(nil, masked: true))),
                "address-list": .text(),  // firewall address-list name
                // Defaults: a terraform-routeros REST capture (7.20) prints min-rx=200ms min-tx=200ms multiplier=5
                // forbid-bfd=false, and the BFD page's session example (entries configured without timers) shows
                // desired-tx-interval=200ms required-min-rx=200ms multiplier=5. Not stated as defaults by MikroTik.
                "min-tx": PropertySpec(.duration(), default: "200ms"),
                "min-rx": PropertySpec(.duration(), default: "200ms"),
                "multiplier": PropertySpec(.integer(1...255), default: "5"),  // range assumed (8-bit Detect Mult, RFC 5880)
                "forbid-bfd": .boolean(default: false),
                "vrf": PropertySpec(RoutingKinds.vrf),  // default: unknown (capture shows main, but it was given)
                "inactive": RoutingKinds.flagPrintedFalse,
                "place-before": RoutingKinds.placeBefore,
                "copy-from": RoutingKinds.copyFrom,
                // `keyring` (mandatory under BFD_AUTHENTICATION in the CLI reference) is absent from every embedded
                // schema: authentication is not supported yet (BFD page). Not listed.
            ])
        ),

        // Source: https://manual.mikrotik.com/docs/cli-reference/routing/table/ ; terraform-routeros REST capture of
        // the built-in `main` table (`dynamic=true`, `fib=""`, `invalid=false`). `main` is built in (dynamic).
        MenuSpec(
            "/routing/table",
            level: 0,
            identity: ["name"],
            // Tables are referenced by name everywhere; duplicate refusal assumed, trap text unknown.
            unique: [["name"]],
            duplicateMessage: nil,
            properties: CommonProperties.commentAndDisabled
                .adding(CommonProperties.dynamic)
                .adding([
                    "name": .text(),
                    // A switch, not a boolean: print shows `fib=""` when set and omits it otherwise; add sends `fib=`.
                    "fib": .text(),
                    "invalid": RoutingKinds.flagPrintedFalse,
                    "copy-from": RoutingKinds.copyFrom,
                ])
        ),

        // Source: https://manual.mikrotik.com/docs/cli-reference/routing/id/ . RouterOS adds a dynamic entry per VRF
        // (e.g. `main`) that elects an ID.
        MenuSpec(
            "/routing/id",
            level: 0,
            identity: ["name"],
            // Referenced by name from `router-id`; duplicate refusal assumed, trap text unknown.
            unique: [["name"]],
            duplicateMessage: nil,
            properties: CommonProperties.commentAndDisabled
                .adding(CommonProperties.dynamic)
                .adding([
                    "name": .text(),
                    "id": PropertySpec(.ipAddress(.v4)),
                    "select-dynamic-id": PropertySpec(
                        .flags(["any", "only-static", "only-loopback", "only-vrf", "only-active", "lowest"])
                    ),  // default: unknown (unset)
                    "select-from-vrf": PropertySpec(RoutingKinds.vrf),
                    "dynamic-id": .readOnly(.ipAddress(.v4)),
                    "inactive": RoutingKinds.flagPrintedFalse,
                    "copy-from": RoutingKinds.copyFrom,
                ])
        ),
    ]
}
