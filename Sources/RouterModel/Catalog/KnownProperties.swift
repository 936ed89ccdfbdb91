/// What the command tree does not say about some properties of menus the catalog does not
/// otherwise curate: their kind and the value RouterOS prints when they were never set. A
/// precision overlay on what rosplay derives; the rest of each menu stays derived.
enum KnownProperties {
    static let byMenu: [String: [String: PropertySpec]] = [
        // Rates print in plain bits: `max-limit` set as `20M/20M` reads back `20000000/20000000`, `10M`
        // as `10000000` (routeros-captures: terraform-routeros acceptance tests on CHR 7.12–7.16).
        "/queue/simple": [
            "max-limit": PropertySpec(.eachWay(.rate)), "limit-at": PropertySpec(.eachWay(.rate)),
            "burst-limit": PropertySpec(.eachWay(.rate)), "burst-threshold": PropertySpec(.eachWay(.rate)),
            "burst-time": PropertySpec(.eachWay(.duration())),
        ],
        "/queue/tree": [
            "max-limit": PropertySpec(.rate), "limit-at": PropertySpec(.rate), "burst-limit": PropertySpec(.rate),
            "burst-threshold": PropertySpec(.rate), "burst-time": PropertySpec(.duration()),
        ],
        // Source: MikroTik manual "NTP" (client properties: enabled default no, mode unicast, vrf main).
        "/system/ntp/client": [
            "enabled": .boolean(default: false),
            "mode": PropertySpec(.enumeration(["broadcast", "manycast", "multicast", "unicast"]), default: "unicast"),
            "servers": .text(default: ""),
            "vrf": .text(default: "main"),
        ],
        // Source: MikroTik manual "SNMP" (general properties: enabled no, contact and location empty,
        // trap-community public, trap-version 1, trap-generators temp-exception, src-address ::, vrf main).
        "/snmp": [
            "enabled": .boolean(default: false),
            "contact": .text(default: ""),
            "location": .text(default: ""),
            "engine-id-suffix": .text(default: ""),
            "trap-community": .text(default: "public"),
            "trap-version": PropertySpec(.enumeration(["1", "2", "3"]), default: "1"),
            "trap-generators": .text(default: "temp-exception"),
            "trap-target": .text(default: ""),
            "src-address": .text(default: "::"),
            "vrf": .text(default: "main"),
        ],
    ]
}
