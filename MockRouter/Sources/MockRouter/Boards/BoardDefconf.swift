/// The factory configuration scripts MockRouter runs on a fresh or reset board, as API commands in the order
/// RouterOS's defconf script applies them. Sources:
/// - [SCRIPT] A public `/system default-configuration print` of a RouterOS 7 router-mode defconf with "ip6 firewall:
///   enabled" (the text also published, with the IPv6 part absent, for 6.49.6): gives the command order and the
///   arguments as the script passes them.
/// - [RB5009-7.20.6] `/export` of an RB5009UPr+S+ on 7.20.6, github.com/briancurtin/home-network,
///   config/main-router-RB5009.rsc.
/// - [HAPAX2-7.20.5] `/export` of a hAP ax² (C52iG-5HaxD2HaxD) on 7.20.5 (the export /work/shared/ROUTEROS.md names).
/// - [HAPAX3-7.21.2] `/export` of a hAP ax³ on 7.21.2, github.com/martinvium/homelab-devops, network/mikrotik_hap_ax3.rsc.
/// - [RB5009-7.14.1] `/export` of an RB5009UG+S+ on 7.14.1 (ROUTEROS.md, "RB5009 default configuration").
/// - [RB5009-7.6] `/export verbose` of an RB5009UPr+S+ on 7.6 (MAC numbering: ether1..ether8 then sfp-sfpplus1,
///   consecutive; bridge admin-mac = ether2's MAC).
/// Where these disagree, the newest (7.20.x) exports win; each such choice is noted beside the step.
/// Every path and argument name was checked against the 7.20.8 schema in RouterModel's EmbeddedSchemas.
enum BoardDefconf {
    /// One API command: the command path and its attribute words in order (name, value as RouterOS would accept it).
    typealias Step = (path: String, attributes: [(String, String)])

    /// RB5009UG+S+, RouterOS 7.20.x home-router defconf.
    ///
    /// Left out (not in the pruned schema, or not configuration):
    /// - `/disk settings set auto-media-interface=bridge auto-media-sharing=yes auto-smb-sharing=yes`: in the
    ///   7.20.5, 7.20.6 and 7.21.2 exports, but `/disk/settings` is not in the schema.
    /// - `/user set admin password=$defconfPassword` + `/user expire-password admin`: the per-device sticker password;
    ///   MockRouter configures its users separately.
    static let rb5009: [Step] = {
        var steps: [Step] = []

        // --- Interface lists, created first by the script ([SCRIPT]; comment=defconf in every export).
        steps.append(("/interface/list/add", [("name", "WAN"), ("comment", "defconf")]))
        steps.append(("/interface/list/add", [("name", "LAN"), ("comment", "defconf")]))

        // --- The LAN bridge ([SCRIPT]: `add name=bridge disabled=no auto-mac=yes protocol-mode=rstp comment=defconf`).
        steps.append(("/interface/bridge/add", [
            ("name", "bridge"), ("disabled", "no"), ("auto-mac", "yes"), ("protocol-mode", "rstp"), ("comment", "defconf"),
        ]))
        // The script then pins the bridge MAC to the first bridged ethernet (ether2):
        // `/interface bridge set "bridge" auto-mac=no admin-mac=[/interface get ether2 mac-address]`.
        // Every export shows `admin-mac=... auto-mac=no` on the defconf bridge.
        steps.append(("/interface/bridge/set", [
            ("numbers", "bridge"), ("auto-mac", "no"), ("admin-mac", BoardFacts.rb5009Ports[1].macAddress),
        ]))
        // Every non-slave interface except ether1 (WAN), loopback and bridges, in /interface order ([SCRIPT]);
        // on the RB5009 that is ether2..ether8 then sfp-sfpplus1 ([RB5009-7.14.1], [RB5009-7.6]).
        for port in ["ether2", "ether3", "ether4", "ether5", "ether6", "ether7", "ether8", "sfp-sfpplus1"] {
            steps.append(("/interface/bridge/port/add", [("bridge", "bridge"), ("interface", port), ("comment", "defconf")]))
        }

        // --- DHCP server on the bridge ([SCRIPT]).
        steps.append(("/ip/pool/add", [("name", "default-dhcp"), ("ranges", "192.168.88.10-192.168.88.254")]))
        // The script text up to 7.14 passes `lease-time=10m` ([SCRIPT]; [RB5009-7.14.1] export shows it). The 7.20.5
        // and 7.20.6 exports show no lease-time on `defconf`, i.e. the 7.20 default (30m); newest wins, so none is set.
        steps.append(("/ip/dhcp-server/add", [
            ("name", "defconf"), ("address-pool", "default-dhcp"), ("interface", "bridge"), ("disabled", "no"),
        ]))
        steps.append(("/ip/dhcp-server/network/add", [
            ("address", "192.168.88.0/24"), ("gateway", "192.168.88.1"), ("dns-server", "192.168.88.1"), ("comment", "defconf"),
        ]))

        // --- LAN address. `network=192.168.88.0` in exports is derived by RouterOS, not passed by the script.
        steps.append(("/ip/address/add", [("address", "192.168.88.1/24"), ("interface", "bridge"), ("comment", "defconf")]))

        // --- DNS ([SCRIPT]: `/ip dns { set allow-remote-requests=yes; static add name=router.lan ... }`).
        steps.append(("/ip/dns/set", [("allow-remote-requests", "yes")]))
        // `type=A` is the default; 7.20.x exports print it ([RB5009-7.20.6], [HAPAX2-7.20.5]), the script omits it.
        steps.append(("/ip/dns/static/add", [
            ("name", "router.lan"), ("address", "192.168.88.1"), ("type", "A"), ("comment", "defconf"),
        ]))

        // --- WAN DHCP client.
        steps.append(("/ip/dhcp-client/add", [("interface", "ether1"), ("disabled", "no"), ("comment", "defconf")]))

        // --- Interface list members (LAN first, as in the script and every export).
        steps.append(("/interface/list/member/add", [("list", "LAN"), ("interface", "bridge"), ("comment", "defconf")]))
        steps.append(("/interface/list/member/add", [("list", "WAN"), ("interface", "ether1"), ("comment", "defconf")]))

        // --- IPv4 NAT, added before the filter rules by the script.
        steps.append(("/ip/firewall/nat/add", [
            ("chain", "srcnat"), ("out-interface-list", "WAN"), ("ipsec-policy", "out,none"), ("action", "masquerade"),
            ("comment", "defconf: masquerade"),
        ]))

        // --- IPv4 filter, input then forward ([SCRIPT]; identical comments in all exports).
        let ipv4Filter: [[(String, String)]] = [
            [("chain", "input"), ("action", "accept"), ("connection-state", "established,related,untracked"),
             ("comment", "defconf: accept established,related,untracked")],
            [("chain", "input"), ("action", "drop"), ("connection-state", "invalid"), ("comment", "defconf: drop invalid")],
            [("chain", "input"), ("action", "accept"), ("protocol", "icmp"), ("comment", "defconf: accept ICMP")],
            [("chain", "input"), ("action", "accept"), ("dst-address", "127.0.0.1"),
             ("comment", "defconf: accept to local loopback (for CAPsMAN)")],
            [("chain", "input"), ("action", "drop"), ("in-interface-list", "!LAN"), ("comment", "defconf: drop all not coming from LAN")],
            [("chain", "forward"), ("action", "accept"), ("ipsec-policy", "in,ipsec"), ("comment", "defconf: accept in ipsec policy")],
            [("chain", "forward"), ("action", "accept"), ("ipsec-policy", "out,ipsec"), ("comment", "defconf: accept out ipsec policy")],
            // `hw-offload=yes`: absent from the older script text, but present on the defconf fasttrack rule in every
            // RB5009 export seen (7.6, 7.14.1, 7.20.6) and on the hAP ax² 7.20.5; the newer exports win.
            [("chain", "forward"), ("action", "fasttrack-connection"), ("connection-state", "established,related"),
             ("hw-offload", "yes"), ("comment", "defconf: fasttrack")],
            // Note the space after the comma in this comment (it is so in the script and every export).
            [("chain", "forward"), ("action", "accept"), ("connection-state", "established,related,untracked"),
             ("comment", "defconf: accept established,related, untracked")],
            [("chain", "forward"), ("action", "drop"), ("connection-state", "invalid"), ("comment", "defconf: drop invalid")],
            [("chain", "forward"), ("action", "drop"), ("connection-state", "new"), ("connection-nat-state", "!dstnat"),
             ("in-interface-list", "WAN"), ("comment", "defconf: drop all from WAN not DSTNATed")],
        ]
        steps += ipv4Filter.map { ("/ip/firewall/filter/add", $0) }

        // --- IPv6 bad_ipv6 address list. Addresses in export form (the script writes `::1` and `::ffff:0:0/96`,
        // which RouterOS stores as `::1/128` and `::ffff:0.0.0.0/96`). "discard only " keeps its trailing space.
        let badIPv6: [(String, String)] = [
            ("::/128", "defconf: unspecified address"),
            ("::1/128", "defconf: lo"),
            ("fec0::/10", "defconf: site-local"),
            ("::ffff:0.0.0.0/96", "defconf: ipv4-mapped"),
            ("::/96", "defconf: ipv4 compat"),
            ("100::/64", "defconf: discard only "),
            ("2001:db8::/32", "defconf: documentation"),
            ("2001:10::/28", "defconf: ORCHID"),
            ("3ffe::/16", "defconf: 6bone"),
        ]
        steps += badIPv6.map { ("/ipv6/firewall/address-list/add", [("list", "bad_ipv6"), ("address", $0.0), ("comment", $0.1)]) }

        // --- IPv6 filter, input then forward. The traceroute rule uses `dst-port` (7.16.2, 7.20.5, 7.20.6 exports and
        // the script; the 7.14.1 export's `port=` is older). "defconf: fasttrack6" heads the forward chain on the
        // 7.20.5, 7.20.6 and 7.21.2 exports (absent on 7.14.1 and 7.16.2; IPv6 fasttrack arrived in 7.18).
        let ipv6Filter: [[(String, String)]] = [
            [("chain", "input"), ("action", "accept"), ("connection-state", "established,related,untracked"),
             ("comment", "defconf: accept established,related,untracked")],
            [("chain", "input"), ("action", "drop"), ("connection-state", "invalid"), ("comment", "defconf: drop invalid")],
            [("chain", "input"), ("action", "accept"), ("protocol", "icmpv6"), ("comment", "defconf: accept ICMPv6")],
            [("chain", "input"), ("action", "accept"), ("protocol", "udp"), ("dst-port", "33434-33534"),
             ("comment", "defconf: accept UDP traceroute")],
            [("chain", "input"), ("action", "accept"), ("protocol", "udp"), ("dst-port", "546"), ("src-address", "fe80::/10"),
             ("comment", "defconf: accept DHCPv6-Client prefix delegation.")],
            [("chain", "input"), ("action", "accept"), ("protocol", "udp"), ("dst-port", "500,4500"), ("comment", "defconf: accept IKE")],
            [("chain", "input"), ("action", "accept"), ("protocol", "ipsec-ah"), ("comment", "defconf: accept ipsec AH")],
            [("chain", "input"), ("action", "accept"), ("protocol", "ipsec-esp"), ("comment", "defconf: accept ipsec ESP")],
            [("chain", "input"), ("action", "accept"), ("ipsec-policy", "in,ipsec"),
             ("comment", "defconf: accept all that matches ipsec policy")],
            [("chain", "input"), ("action", "drop"), ("in-interface-list", "!LAN"),
             ("comment", "defconf: drop everything else not coming from LAN")],
            [("chain", "forward"), ("action", "fasttrack-connection"), ("connection-state", "established,related"),
             ("comment", "defconf: fasttrack6")],
            [("chain", "forward"), ("action", "accept"), ("connection-state", "established,related,untracked"),
             ("comment", "defconf: accept established,related,untracked")],
            [("chain", "forward"), ("action", "drop"), ("connection-state", "invalid"), ("comment", "defconf: drop invalid")],
            [("chain", "forward"), ("action", "drop"), ("src-address-list", "bad_ipv6"), ("comment", "defconf: drop packets with bad src ipv6")],
            [("chain", "forward"), ("action", "drop"), ("dst-address-list", "bad_ipv6"), ("comment", "defconf: drop packets with bad dst ipv6")],
            [("chain", "forward"), ("action", "drop"), ("protocol", "icmpv6"), ("hop-limit", "equal:1"),
             ("comment", "defconf: rfc4890 drop hop-limit=1")],
            [("chain", "forward"), ("action", "accept"), ("protocol", "icmpv6"), ("comment", "defconf: accept ICMPv6")],
            [("chain", "forward"), ("action", "accept"), ("protocol", "139"), ("comment", "defconf: accept HIP")],
            [("chain", "forward"), ("action", "accept"), ("protocol", "udp"), ("dst-port", "500,4500"), ("comment", "defconf: accept IKE")],
            [("chain", "forward"), ("action", "accept"), ("protocol", "ipsec-ah"), ("comment", "defconf: accept ipsec AH")],
            [("chain", "forward"), ("action", "accept"), ("protocol", "ipsec-esp"), ("comment", "defconf: accept ipsec ESP")],
            [("chain", "forward"), ("action", "accept"), ("ipsec-policy", "in,ipsec"),
             ("comment", "defconf: accept all that matches ipsec policy")],
            [("chain", "forward"), ("action", "drop"), ("in-interface-list", "!LAN"),
             ("comment", "defconf: drop everything else not coming from LAN")],
        ]
        steps += ipv6Filter.map { ("/ipv6/firewall/filter/add", $0) }

        // --- Management services limited to LAN, last in the script's apply block.
        steps.append(("/ip/neighbor/discovery-settings/set", [("discover-interface-list", "LAN")]))
        steps.append(("/tool/mac-server/set", [("allowed-interface-list", "LAN")]))
        steps.append(("/tool/mac-server/mac-winbox/set", [("allowed-interface-list", "LAN")]))
        return steps
    }()

    /// A fresh CHR: no defconf script beyond a DHCP client on ether1.
    static let chr: [Step] = [
        ("/ip/dhcp-client/add", [("interface", "ether1")]),
    ]
}

/// Facts about each board that are not configuration: its built-in ports and what /system/resource and
/// /system/routerboard print.
///
/// MAC addresses, serial number, build time and the memory/disk/sector counters are made up (plausible, not observed).
/// Values are in API form: sizes in bytes, frequency in MHz, load in percent, no units.
enum BoardFacts {
    struct Port { let name: String; let type: String; let macAddress: String; let defaultName: String }

    /// ether1..ether8 then sfp-sfpplus1, consecutive MACs in that order (numbering as in [RB5009-7.6]).
    static let rb5009Ports: [Port] = [
        Port(name: "ether1", type: "ether", macAddress: "48:A9:8A:3C:7D:20", defaultName: "ether1"),
        Port(name: "ether2", type: "ether", macAddress: "48:A9:8A:3C:7D:21", defaultName: "ether2"),
        Port(name: "ether3", type: "ether", macAddress: "48:A9:8A:3C:7D:22", defaultName: "ether3"),
        Port(name: "ether4", type: "ether", macAddress: "48:A9:8A:3C:7D:23", defaultName: "ether4"),
        Port(name: "ether5", type: "ether", macAddress: "48:A9:8A:3C:7D:24", defaultName: "ether5"),
        Port(name: "ether6", type: "ether", macAddress: "48:A9:8A:3C:7D:25", defaultName: "ether6"),
        Port(name: "ether7", type: "ether", macAddress: "48:A9:8A:3C:7D:26", defaultName: "ether7"),
        Port(name: "ether8", type: "ether", macAddress: "48:A9:8A:3C:7D:27", defaultName: "ether8"),
        Port(name: "sfp-sfpplus1", type: "ether", macAddress: "48:A9:8A:3C:7D:28", defaultName: "sfp-sfpplus1"),
    ]

    /// `/system/resource/print` on an RB5009UG+S+ (1 GiB RAM, 1 GiB NAND, 4× ARM64 at 1400 MHz) just after boot on 7.20.8.
    static let rb5009Resource: [(String, String)] = [
        ("uptime", "3m12s"),
        ("version", "7.20.8 (stable)"),
        ("build-time", "2026-01-27 10:41:19"),
        ("factory-software", "7.12.1"),
        ("free-memory", "913833984"),
        ("total-memory", "1073741824"),
        ("cpu", "ARM64"),
        ("cpu-count", "4"),
        ("cpu-frequency", "1400"),
        ("cpu-load", "1"),
        ("free-hdd-space", "946470912"),
        ("total-hdd-space", "1073741824"),
        ("write-sect-since-reboot", "1184"),
        ("write-sect-total", "48210"),
        ("bad-blocks", "0"),
        ("architecture-name", "arm64"),
        ("board-name", "RB5009UG+S+"),
        ("platform", "MikroTik"),
    ]

    /// `/system/routerboard/print`. firmware-type "70x0" (Marvell Armada 7040) is as a public RB5009UPr+S+ print shows it.
    static let rb5009Routerboard: [(String, String)] = [
        ("routerboard", "true"),
        ("board-name", "RB5009UG+S+"),
        ("model", "RB5009UG+S+"),
        ("serial-number", "HG7092K4M1T"),
        ("firmware-type", "70x0"),
        ("factory-firmware", "7.12.1"),
        ("current-firmware", "7.20.8"),
        ("upgrade-firmware", "7.20.8"),
    ]

    /// A single virtio NIC (QEMU's 52:54:00 OUI).
    static let chrPorts: [Port] = [
        Port(name: "ether1", type: "ether", macAddress: "52:54:00:4A:1C:01", defaultName: "ether1"),
    ]

    /// `/system/resource/print` on a fresh 7.20.8 CHR (1 vCPU, 1 GiB RAM, the 128 MiB stock disk image).
    static let chrResource: [(String, String)] = [
        ("uptime", "1m40s"),
        ("version", "7.20.8 (stable)"),
        ("build-time", "2026-01-27 10:41:19"),
        ("factory-software", "7.20.8"),
        ("free-memory", "965804032"),
        ("total-memory", "1073741824"),
        ("cpu", "QEMU Virtual CPU version 2.5+"),
        ("cpu-count", "1"),
        ("cpu-frequency", "2400"),
        ("cpu-load", "0"),
        ("free-hdd-space", "95158272"),
        ("total-hdd-space", "134217728"),
        ("architecture-name", "x86_64"),
        ("board-name", "CHR"),
        ("platform", "MikroTik"),
    ]
}
