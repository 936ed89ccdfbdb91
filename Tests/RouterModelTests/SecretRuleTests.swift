import Testing
@testable import RouterModel

/// The one secret rule, decided name by name: a change of decision shows in this file's diff.
struct SecretRuleTests {
    /// Every `menu argument` of every embedded RouterOS version that the rule calls secret.
    static let expectedSecrets: [String] = [
        "/certificate challenge-passphrase",
        "/certificate challenge-password",
        "/certificate eab-hmac-key",
        "/certificate eab-key-b64",
        "/certificate export-passphrase",
        "/certificate key-passphrase",
        "/certificate passphrase",
        "/interface/6to4 ipsec-secret",
        "/interface/gre ipsec-secret",
        "/interface/gre6 ipsec-secret",
        "/interface/ovpn-client key-passphrase",
        "/interface/ovpn-client ovpn-password",
        "/interface/ovpn-client password",
        "/interface/wireguard private-key",
        "/interface/wireguard/peers preshared-key",
        "/interface/wireguard/peers private-key",
        "/routing/bgp/connection tcp-md5-key",
        "/user password",
    ]

    @Test func everySecretArgumentOfEveryEmbeddedVersionIsTheExpectedList() {
        var found: Set<String> = []
        for version in RouterSchema.embeddedVersions {
            let schema = RouterSchema.embedded(version)!
            for (menu, commands) in schema.menus {
                for arguments in commands.values {
                    for name in arguments.keys where SecretRule.isSecret(property: name, in: menu) {
                        found.insert("\(menu) \(name)")
                    }
                }
            }
        }
        #expect(found.sorted() == Self.expectedSecrets)
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
