// System, user, MAC server and certificate menus.
//
// Sources used throughout:
// - CLI reference: https://manual.mikrotik.com/docs/cli-reference/ (system/*, user, certificate), via the mirror
//   newwlfz/mikrotik-docs-i18n; user-guide pages cited per menu.
// - Embedded schemas (7.18.2 ... 7.24); 7.20.8 is the reference.
// - Third party: ansible-collections/community.routeros `_api_data.py`.

/// Value kinds shared by the system menus.
private enum SystemKinds {
    /// User policies in the order RouterOS prints them (the brief's list; matches the built-in groups' print).
    static let policies = [
        "local", "telnet", "ssh", "ftp", "reboot", "read", "write", "policy", "test", "winbox", "password", "web",
        "sniff", "sensitive", "api", "romon", "rest-api",
    ]

    /// Group policies: RouterOS prints the granted policies, then the denied ones with `!`
    /// (e.g. the built-in `read` group: `local,...,rest-api,!ftp,!write,!policy`). Modelled as flags over both
    /// spellings, positive ones first. RouterOS fills in every policy not given as `!policy`, which these flags
    /// cannot reproduce: a playbook must list all policies, denied ones included, to compare equal.
    static let groupPolicy: ValueKind = .flags(policies + policies.map { "!" + $0 })

    /// Script and scheduler policies (scheduler page: `ftp | reboot | read | write | policy | test | password |
    /// sniff | sensitive | romon`), in the order the script page prints them.
    static let scriptPolicyWords = [
        "ftp", "reboot", "read", "write", "policy", "test", "password", "sniff", "sensitive", "romon",
    ]
    static let scriptPolicy: ValueKind = .flags(scriptPolicyWords)
    static let defaultScriptPolicy = scriptPolicyWords.joined(separator: ",")

    /// An interface list name; the built-in lists as keywords in case they are not seeded.
    static let interfaceList: ValueKind = .reference(menu: "/interface/list", keywords: ["all", "none", "dynamic", "static"])

    /// A non-negative counter (bytes, Hz, counts). Range assumed.
    static let counter: ValueKind = .integer(0...Int64.max)

    static let copyFrom = PropertySpec(.text(), access: .writeOnly)
}

extension MenuCatalog {
    static let systemMenus: [MenuSpec] = [
        // Source: https://manual.mikrotik.com/docs/system-information-and-utilities/identity/ ("The default system
        // Identity is set to 'MikroTik'"; "maximum character length of 64").
        MenuSpec(
            "/system/identity",
            level: 0,
            style: .settings,
            identity: [],
            properties: [
                "name": .text(default: "MikroTik", maxLength: 64),
            ]
        ),

        // Source: https://manual.mikrotik.com/docs/cli-reference/system/resource/ (read-only argument table).
        // No `set` in the schema (export, get, monitor, print); the schema records no printed properties, names
        // come from the CLI reference.
        MenuSpec(
            "/system/resource",
            level: 5,
            exported: false,
            style: .settings,
            identity: [],
            properties: [
                "uptime": .readOnly(.duration()),
                "version": .readOnly(),  // e.g. `7.20.8 (stable)`
                "build-time": .readOnly(),
                "factory-software": .readOnly(),
                "free-memory": .readOnly(SystemKinds.counter),
                "total-memory": .readOnly(SystemKinds.counter),
                "cpu": .readOnly(),
                "cpu-count": .readOnly(SystemKinds.counter),
                "cpu-frequency": .readOnly(SystemKinds.counter),
                "cpu-load": .readOnly(.integer(0...100)),
                "free-hdd-space": .readOnly(SystemKinds.counter),
                "total-hdd-space": .readOnly(SystemKinds.counter),
                "write-sect-since-reboot": .readOnly(SystemKinds.counter),
                "write-sect-total": .readOnly(SystemKinds.counter),
                "bad-blocks": .readOnly(SystemKinds.counter),
                "architecture-name": .readOnly(),
                "board-name": .readOnly(),
                "platform": .readOnly(),
            ]
        ),

        // Source: https://manual.mikrotik.com/docs/cli-reference/system/routerboard/ (read-only argument table).
        // ABSENT from every embedded schema: they are CHR-derived, and the CLI reference conditions the menu on
        // `!i386` (RouterBOARD hardware only). On an RB5009 it exists; names here are unchecked against a schema.
        MenuSpec(
            "/system/routerboard",
            level: 5,
            exported: false,
            style: .settings,
            identity: [],
            properties: [
                "routerboard": .readOnlyFlag,
                "board-name": .readOnly(),
                "model": .readOnly(),
                "revision": .readOnly(),
                "serial-number": .readOnly(),
                "firmware-type": .readOnly(),
                "factory-firmware": .readOnly(),
                "current-firmware": .readOnly(),
                "upgrade-firmware": .readOnly(),
            ]
        ),

        // Source: https://manual.mikrotik.com/docs/system-information-and-utilities/scheduler/ ; CLI reference
        // system/scheduler (`name` mandatory; read-only owner, run-count, next-run); Ansible _api_data.py.
        MenuSpec(
            "/system/scheduler",
            level: 2,
            identity: ["name"],
            // Tasks are enabled/disabled by name from scripts; duplicate refusal assumed, trap text unknown.
            unique: [["name"]],
            duplicateMessage: nil,
            properties: CommonProperties.commentAndDisabled.adding([
                "name": .text(required: true),
                // `startup` or a time of day (`08:00:00`); the docs' prints show HH:MM:SS. default: unknown (the
                // docs' prints show the time of adding when not given).
                "start-time": .text(),
                // `YYYY-MM-DD` in current prints (older versions `mmm/dd/yyyy`). default: unknown (date of adding).
                "start-date": .text(),
                "interval": PropertySpec(.duration(), default: "0s"),  // docs: Default 0s
                "on-event": .text(default: ""),  // Ansible default '' (docs: no default given)
                // Docs give no default; Ansible's default (from `export verbose`) is the script default below.
                "policy": PropertySpec(SystemKinds.scriptPolicy, default: SystemKinds.defaultScriptPolicy),
                // 7.24+ only (schema); docs: `always | sun | ... | sat`, default `always`.
                "days": PropertySpec(
                    .choice([.enumeration(["always"]), .flags(["sun", "mon", "tue", "wed", "thu", "fri", "sat"])]),
                    default: "always"
                ),
                "owner": .readOnly(),
                "run-count": .readOnly(SystemKinds.counter),
                "next-run": .readOnly(),
                "copy-from": SystemKinds.copyFrom,
            ])
        ),

        // Source: scheduler page example (`/system/script add name=log-test source=...` then print shows
        // `owner="admin" policy=ftp,reboot,read,write,policy,test,password,sniff,sensitive,romon
        // dont-require-permissions=no run-count=0`); CLI reference system/script; Ansible _api_data.py.
        // The schema has no `disable`/`enable` for scripts: no `disabled` property.
        MenuSpec(
            "/system/script",
            level: 0,
            identity: ["name"],
            // Scripts are run by name; duplicate refusal assumed, trap text unknown.
            unique: [["name"]],
            duplicateMessage: nil,
            properties: [
                "comment": .text(),
                "name": .text(),
                "source": .text(default: ""),  // Ansible default ''
                "owner": .text(),  // settable per the schema; defaults to the adding user (not modelled)
                "policy": PropertySpec(SystemKinds.scriptPolicy, default: SystemKinds.defaultScriptPolicy),
                "dont-require-permissions": .boolean(default: false),
                "invalid": PropertySpec(.boolean, default: "false", access: .readOnly),  // flag I
                "last-started": .readOnly(),
                "run-count": .readOnly(SystemKinds.counter),
                "copy-from": SystemKinds.copyFrom,
            ]
        ),

        // Source: https://manual.mikrotik.com/docs/system-information-and-utilities/clock/ (time-zone-name default
        // `manual`; time-zone-autodetect default yes; read-only gmt-offset, dst-active).
        MenuSpec(
            "/system/clock",
            level: 5,
            style: .settings,
            identity: [],
            properties: [
                // Current local time and date: settable on a router (`set time=`), but the clock, not configuration;
                // read-only here so that it is never exported or planned (MockRouter's clock is the host's).
                "time": .readOnly(),
                "date": .readOnly(),
                "time-zone-autodetect": .boolean(default: true),
                "time-zone-name": .text(default: "manual"),  // a TZ database name or `manual`
                "gmt-offset": .readOnly(),  // `+HH:MM`
                "dst-active": .readOnlyFlag,
            ]
        ),

        // Source: https://help.mikrotik.com/docs/display/ROS/Device-mode (features `yes | no`, `flagged`,
        // `flagging-enabled`, `mode`); the print of a 7.19 router in `advanced` mode on forum.mikrotik.com
        // ("Default device-mode modes exhaustive list": `allowed-versions`, `attempt-count`). Only `get`, `print`
        // and `update` (physical confirmation) in the schema: every property is read-only over the API.
        MenuSpec(
            "/system/device-mode",
            level: 5,
            style: .settings,
            identity: [],
            properties: [
                "mode": .readOnly(.enumeration(["advanced", "basic", "home", "rose", "enterprise"])),
                "allowed-versions": .readOnly(),
                "flagged": .readOnlyFlag,
                "flagging-enabled": .readOnlyFlag,
                "attempt-count": .readOnly(SystemKinds.counter),
                "scheduler": .readOnlyFlag, "socks": .readOnlyFlag, "fetch": .readOnlyFlag, "pptp": .readOnlyFlag,
                "l2tp": .readOnlyFlag, "bandwidth-test": .readOnlyFlag, "traffic-gen": .readOnlyFlag,
                "sniffer": .readOnlyFlag, "ipsec": .readOnlyFlag, "romon": .readOnlyFlag, "proxy": .readOnlyFlag,
                "hotspot": .readOnlyFlag, "smb": .readOnlyFlag, "email": .readOnlyFlag, "zerotier": .readOnlyFlag,
                "container": .readOnlyFlag, "install-any-version": .readOnlyFlag, "partitions": .readOnlyFlag,
                "routerboard": .readOnlyFlag,
            ]
        ),

        // Source: https://manual.mikrotik.com/docs/cli-reference/user/ (`name`, `group`, `password` mandatory;
        // read-only last-logged-in; flag E expired); Ansible _api_data.py (password write-only, expired read-only).
        // Built-in user `admin` exists on a fresh router.
        MenuSpec(
            "/user",
            level: 2,
            exported: false,
            identity: ["name"],
            // User names are unique; trap text unknown.
            unique: [["name"]],
            duplicateMessage: nil,
            properties: CommonProperties.commentAndDisabled.adding([
                "name": .text(required: true),
                "group": PropertySpec(.reference(menu: "/user/group"), required: true),
                // Never printed by RouterOS; given on add (and set). Sensitive.
                "password": PropertySpec(.text(), access: .writeOnly, sensitive: true, required: true),
                // IPv4 or IPv6 prefixes (CLI reference `object { alt { ipPrefix, ip6Prefix } }`; the 7.20.8 schema desc
                // shows only `A.B.C.D/M`). Host bits cleared: assumed.
                "address": PropertySpec(.list(.ipPrefix(nil, masked: true))),
                "inactivity-timeout": PropertySpec(.duration(60_000...86_400_000)),  // schema 1m..1d; default: unknown
                "inactivity-policy": PropertySpec(.enumeration(["none", "logout", "lockscreen"])),  // default: unknown
                "expired": PropertySpec(.boolean, default: "false", access: .readOnly),  // flag E; printed false: assumed
                "last-logged-in": .readOnly(),
                "copy-from": SystemKinds.copyFrom,
            ])
        ),

        // Source: https://manual.mikrotik.com/docs/cli-reference/user/#usergroup ; Ansible _api_data.py (skin
        // default `default`). Built-in groups `full`, `read`, `write` exist on a fresh router.
        MenuSpec(
            "/user/group",
            level: 0,
            exported: false,
            identity: ["name"],
            // Groups are referenced by name from /user; trap text unknown.
            unique: [["name"]],
            duplicateMessage: nil,
            properties: [
                "comment": .text(),
                "name": .text(),
                "policy": PropertySpec(SystemKinds.groupPolicy),  // default: unknown
                "skin": .text(default: "default"),
                "copy-from": SystemKinds.copyFrom,
            ]
        ),

        // Source: https://help.mikrotik.com/docs/display/ROS/MAC+server (MAC server page; `none`
        // disables); default `all` from a third-party print of a fresh router (mikrotikdocs.fyi) and the old wiki.
        // Defconf sets it to `LAN`.
        MenuSpec(
            "/tool/mac-server",
            level: 0,
            style: .settings,
            identity: [],
            properties: [
                "allowed-interface-list": PropertySpec(SystemKinds.interfaceList, default: "all"),
            ]
        ),

        // Source: as /tool/mac-server (MAC WinBox server settings).
        MenuSpec(
            "/tool/mac-server/mac-winbox",
            level: 0,
            style: .settings,
            identity: [],
            properties: [
                "allowed-interface-list": PropertySpec(SystemKinds.interfaceList, default: "all"),
            ]
        ),

        // Source: https://manual.mikrotik.com/docs/authentication-authorization-accounting/certificates/ (template
        // print shows `key-type=rsa key-size=2048 subject-alt-name="" days-valid=365 key-usage=digital-signature,
        // key-encipherment,data-encipherment,key-cert-sign,crl-sign,tls-server,tls-client` for templates added
        // without them; digest-algorithm "Default: sha256" but absent from that print, so no printed default here);
        // CLI reference certificate (read-only arguments and flags).
        MenuSpec(
            "/certificate",
            level: 5,
            exported: false,
            identity: ["name"],
            // Certificates are referenced by name (/ip/service certificate=); trap text unknown.
            unique: [["name"]],
            duplicateMessage: nil,
            properties: [
                "name": .text(),
                "common-name": .text(),
                "country": .text(),
                "state": .text(),
                "locality": .text(),
                "organization": .text(),
                "unit": .text(),
                "subject-alt-name": .text(default: ""),
                "days-valid": PropertySpec(SystemKinds.counter, default: "365"),
                "key-size": PropertySpec(
                    .enumeration(["prime256v1", "secp384r1", "secp521r1", "1024", "1536", "2048", "4096", "8192"]),
                    default: "2048"
                ),
                "key-usage": PropertySpec(
                    .flags([
                        "digital-signature", "content-commitment", "key-encipherment", "data-encipherment",
                        "key-agreement", "key-cert-sign", "crl-sign", "encipher-only", "decipher-only", "tls-server",
                        "tls-client", "code-sign", "email-protect", "timestamp", "ocsp-sign", "dvcs",
                    ]),
                    default: "digital-signature,key-encipherment,data-encipherment,key-cert-sign,crl-sign,tls-server,tls-client"
                ),
                "digest-algorithm": PropertySpec(.enumeration(["md5", "sha1", "sha256", "sha384", "sha512"])),
                "trusted": .boolean(),  // default: unknown
                // 7.22+ (schema): `all` or a set of components.
                "trust-store": PropertySpec(.choice([
                    .enumeration(["all"]),
                    .flags([
                        "ipsec", "wpa-eap", "capsman", "fetch", "sstp", "ovpn", "mqtt", "email", "netwatch", "radius",
                        "container", "userman", "lora", "openflow", "tr069", "dot1x", "dns", "www", "api",
                        "reverse-proxy",
                    ]),
                ])),
                "copy-from": SystemKinds.copyFrom,
                // Read-only (CLI reference).
                "key-type": .readOnly(.enumeration(["rsa", "dsa", "ec"])),
                "fingerprint": .readOnly(),
                "ca": .readOnly(),
                "ca-fingerprint": .readOnly(),
                "issuer": .readOnly(),
                "serial-number": .readOnly(),
                "invalid-before": .readOnly(),
                "invalid-after": .readOnly(),
                "expires-after": .readOnly(),
                "akid": .readOnly(),
                "skid": .readOnly(),
                "challenge-password": PropertySpec(.text(), access: .readOnly, sensitive: true),
                // Flags K, A, I, E, L.
                "private-key": .readOnlyFlag,
                "authority": .readOnlyFlag,
                "issued": .readOnlyFlag,
                "expired": .readOnlyFlag,
                "crl": .readOnlyFlag,
            ]
        ),
    ]
}
