import Testing
@testable import RouterModel

/// The one secret rule, decided name by name: a change of decision shows in this file's diff.
struct SecretRuleTests {
    /// Words that make an argument's name look like it could hold a secret.
    static func looksSecret(_ name: String) -> Bool {
        ["pass", "secret", "key", "psk", "md5", "hmac"].contains { name.lowercased().contains($0) }
    }

    /// Every `menu argument` of every embedded RouterOS version whose name looks like it could
    /// hold a secret, and what the rule decided: true is never printed, false is shown in plans.
    static let expectedDecisions: [String: Bool] = [
        "/certificate challenge-passphrase": true,
        "/certificate challenge-password": true,
        "/certificate eab-hmac-key": true,
        "/certificate eab-key-b64": true,
        "/certificate export-passphrase": true,
        "/certificate key-passphrase": true,
        "/certificate key-size": false,
        "/certificate key-usage": false,
        "/certificate no-key-export": false,
        "/certificate passphrase": true,
        "/certificate reset-private-key": false,
        "/certificate/scep-server/ra challenge-password": true,
        "/disk smb-password": true,
        "/disk smb-server-password": true,
        "/disk sshfs-password": true,
        "/interface/6to4 ipsec-secret": true,
        "/interface/bonding lacp-user-key": false,
        "/interface/bridge/filter passthrough": false,
        "/interface/bridge/nat passthrough": false,
        "/interface/dot1x/client password": true,
        "/interface/eoip ipsec-secret": true,
        "/interface/eoipv6 ipsec-secret": true,
        "/interface/gre ipsec-secret": true,
        "/interface/gre6 ipsec-secret": true,
        "/interface/ipip ipsec-secret": true,
        "/interface/ipipv6 ipsec-secret": true,
        "/interface/l2tp-client ipsec-secret": true,
        "/interface/l2tp-client password": true,
        "/interface/l2tp-ether ipsec-secret": true,
        "/interface/l2tp-server/server ipsec-secret": true,
        "/interface/lte/apn passthrough-interface": false,
        "/interface/lte/apn passthrough-mac": false,
        "/interface/lte/apn passthrough-subnet-size": false,
        "/interface/lte/apn password": true,
        "/interface/ovpn-client key-passphrase": true,
        "/interface/ovpn-client ovpn-password": true,
        "/interface/ovpn-client password": true,
        "/interface/ovpn-server/server client-cert-key": false,
        "/interface/ppp-client password": true,
        "/interface/pppoe-client password": true,
        "/interface/pptp-client password": true,
        "/interface/sstp-client password": true,
        "/interface/vrrp password": true,
        "/interface/wifi aaa.password-format": false,
        "/interface/wifi security.eap-password": true,
        "/interface/wifi security.ft-r0-key-lifetime": false,
        "/interface/wifi security.group-key-update": false,
        "/interface/wifi security.multi-passphrase-group": false,
        "/interface/wifi security.passphrase": true,
        "/interface/wifi/aaa password-format": false,
        "/interface/wifi/access-list multi-passphrase-group": false,
        "/interface/wifi/access-list passphrase": true,
        "/interface/wifi/configuration aaa.password-format": false,
        "/interface/wifi/configuration security.eap-password": true,
        "/interface/wifi/configuration security.ft-r0-key-lifetime": false,
        "/interface/wifi/configuration security.group-key-update": false,
        "/interface/wifi/configuration security.multi-passphrase-group": false,
        "/interface/wifi/configuration security.passphrase": true,
        "/interface/wifi/network security.eap-password": true,
        "/interface/wifi/network security.ft-r0-key-lifetime": false,
        "/interface/wifi/network security.group-key-update": false,
        "/interface/wifi/network security.multi-passphrase-group": false,
        "/interface/wifi/network security.passphrase": true,
        "/interface/wifi/security eap-password": true,
        "/interface/wifi/security ft-r0-key-lifetime": false,
        "/interface/wifi/security group-key-update": false,
        "/interface/wifi/security multi-passphrase-group": false,
        "/interface/wifi/security passphrase": true,
        "/interface/wifi/security/multi-passphrase passphrase": true,
        "/interface/wireguard private-key": true,
        "/interface/wireguard/peers preshared-key": true,
        "/interface/wireguard/peers private-key": true,
        "/interface/wireguard/peers public-key": false,
        "/ip/dhcp-server/config radius-password": true,
        "/ip/firewall/mangle passthrough": false,
        "/ip/hotspot/active password": true,
        "/ip/hotspot/profile mac-auth-password": true,
        "/ip/hotspot/user otp-secret": true,
        "/ip/hotspot/user password": true,
        "/ip/ipsec/identity key": true,
        "/ip/ipsec/identity password": true,
        "/ip/ipsec/identity remote-key": false,
        "/ip/ipsec/identity secret": true,
        "/ip/ipsec/installed-sa auth-key": true,
        "/ip/ipsec/installed-sa enc-key": true,
        "/ip/ipsec/installed-sa enc-key-size": false,
        "/ip/ipsec/key key": true,
        "/ip/ipsec/key key-size": false,
        "/ip/ipsec/key passphrase": true,
        "/ip/ipsec/key/psk key": true,
        "/ip/ipsec/key/qkd key-ids": false,
        "/ip/ipsec/key/qkd key-size": false,
        "/ip/ipsec/key/rsa key": true,
        "/ip/ipsec/key/rsa key-size": false,
        "/ip/ipsec/key/rsa passphrase": true,
        "/ip/ipsec/peer passive": false,
        "/ip/ipsec/peer ppk-secret": true,
        "/ip/smb/users password": true,
        "/ip/socks/users password": true,
        "/ip/socksify socks5-password": true,
        "/ip/ssh always-allow-password-login": false,
        "/ip/ssh host-key-size": false,
        "/ip/ssh host-key-type": false,
        "/ip/ssh key-file-prefix": false,
        "/ip/ssh passphrase": true,
        "/ip/ssh password-authentication": false,
        "/ip/ssh private-key-file": false,
        "/ip/ssh publickey-authentication-options": false,
        "/ipv6/firewall/mangle passthrough": false,
        "/ppp/l2tp-secret secret": true,
        "/ppp/secret password": true,
        "/radius secret": true,
        "/routing/bgp/connection tcp-md5-key": true,
        "/routing/isis/interface l1.passive": false,
        "/routing/isis/interface l2.passive": false,
        "/routing/isis/interface-template passive": false,
        "/routing/ospf/interface auth-key": true,
        "/routing/ospf/interface passive": false,
        "/routing/ospf/interface-template auth-key": true,
        "/routing/ospf/interface-template passive": false,
        "/routing/rip/interface-template key-chain": false,
        "/routing/rip/interface-template password": true,
        "/routing/rip/keys key": true,
        "/routing/rip/keys key-id": false,
        "/snmp/community authentication-password": true,
        "/snmp/community encryption-password": true,
        "/system password": true,
        "/system/backup password": true,
        "/system/backup/cloud password": true,
        "/system/backup/cloud secret-download-key": true,
        "/system/device-mode authorized-public-key-hash": false,
        "/system/keymat-provider hkdf-secret": true,
        "/system/keymat-provider key-ids": false,
        "/system/keymat-provider key-size": false,
        "/system/license password": true,
        "/system/ntp/client/servers auth-key": true,
        "/system/ntp/key key-id": false,
        "/system/ntp/key key-val": true,
        "/system/ntp/server auth-key": true,
        "/system/package/local-update/mirror password": true,
        "/system/package/local-update/update-package-source password": true,
        "/tool authentication-password": true,
        "/tool encryption-password": true,
        "/tool key": true,
        "/tool key-name": false,
        "/tool password": true,
        "/tool/e-mail password": true,
        "/tool/romon secrets": true,
        "/tool/romon/port secrets": true,
        "/tool/sms secret": true,
        "/user password": true,
        "/user/settings minimum-password-length": false,
        "/user/ssh-keys key": false,
        "/user/ssh-keys key-owner": false,
        "/user/ssh-keys public-key-file": false,
        "/user/ssh-keys/private key-owner": false,
        "/user/ssh-keys/private passphrase": true,
        "/user/ssh-keys/private private-key-file": false,
    ]

    @Test func everySecretLikeArgumentOfEveryEmbeddedVersionIsDecidedAsListed() {
        var decisions: [String: Bool] = [:]
        for version in RouterSchema.embeddedVersions {
            let schema = RouterSchema.embedded(version)!
            for (menu, commands) in schema.menus {
                for arguments in commands.values {
                    for name in arguments.keys where Self.looksSecret(name) {
                        decisions["\(menu) \(name)"] = SecretRule.isSecret(property: name, in: menu)
                    }
                }
            }
        }
        for key in Set(decisions.keys).union(Self.expectedDecisions.keys).sorted() where decisions[key] != Self.expectedDecisions[key] {
            Issue.record("\(key): decided \(decisions[key].map(String.init) ?? "nothing"), expected \(Self.expectedDecisions[key].map(String.init) ?? "nothing")")
        }
    }

    /// Secrets of menus rosplay does not embed, which `rosplay call` printed in clear before the rule.
    @Test(arguments: [
        "authentication-password", "encryption-password", "wpa2-pre-shared-key", "wpa-pre-shared-key", "pre-shared-key",
        "auth-key", "authentication-key", "md5-key", "secret", "psk", "key", "passphrase", "static-key-0", "response",
        "remote.tcp-md5-key", "Private-Key",
    ])
    func secretNamesOutsideTheCatalog(_ name: String) {
        #expect(SecretRule.isSecretName(name))
    }

    /// Names that only describe a key or merely contain a secret word's letters: hiding them would
    /// hide what a plan changes. `public-key` is public material; `key-size`, `key-usage`,
    /// `no-key-export` and `reset-private-key` are a size, a usage list and flags.
    @Test(arguments: [
        "public-key", "key-size", "key-usage", "no-key-export", "reset-private-key", "auth", "authoritative",
        "passthrough", "output.remove-private-as", "query-response-interval", "keepalive", "key-id", "name",
        "password-format", "minimum-password-length", "private-key-file", "multi-passphrase-group", "password-authentication",
    ])
    func namesThatAreNotSecrets(_ name: String) {
        #expect(!SecretRule.isSecretName(name))
        #expect(!SecretRule.isSecret(property: name, in: "/interface/wireguard/peers"))
    }

    /// A certificate's `private-key` is a flag (whether it has one): printed, in the catalog's menu only.
    @Test func aFlagNamedLikeASecretIsNotOne() {
        #expect(!SecretRule.isSecret(property: "private-key", in: "/certificate"))
        #expect(SecretRule.isSecret(property: "private-key", in: "/interface/wireguard"))
        #expect(SecretRule.isSecret(property: "private-key", in: "/not/catalogued"))
    }

    /// The catalog's flags count in their menu even when the name alone would not say so.
    @Test func catalogFlagsCount() {
        let flagged = MenuCatalog.specs.flatMap { menu, spec in spec.properties.filter(\.value.sensitive).map { (menu, $0.key) } }
        #expect(!flagged.isEmpty)
        for (menu, name) in flagged { #expect(SecretRule.isSecret(property: name, in: menu), "\(menu) \(name)") }
    }
}
