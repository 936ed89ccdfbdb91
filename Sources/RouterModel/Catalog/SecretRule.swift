import Foundation

/// The one rule for which property values are secrets, wherever rosplay prints, logs or writes values.
///
/// A value is secret when the catalog marks its property `sensitive`, or when the property's
/// name says it holds a secret: a password, passphrase or secret, a pre-shared key or PSK, or a
/// private, authentication, MD5, HMAC or static key. Names that end in what describes a secret
/// (`password-format`, `private-key-file`, `minimum-password-length`) are not secrets. Names that only describe a key (`public-key`,
/// `key-size`, `key-usage`, `no-key-export`, `reset-private-key`) are not secrets: their values
/// are sizes, flags or public material, and hiding them would hide what a plan changes. Nor is a
/// property the catalog knows to hold only a yes/no or a number (a certificate's `private-key`
/// flag says whether it has one).
public enum SecretRule {
    /// What rosplay prints, logs or writes instead of a secret's value, everywhere.
    public static let placeholder = "(sensitive)"

    /// True when values of `property` in `menu` must never be printed (decided once per pair: it is
    /// asked for every value of every entry).
    public static func isSecret(property: String, in menu: String) -> Bool {
        decisions.value(for: menu + " " + property) {
            if publicMaterial.contains(menu + " " + property) { return false }
            guard let spec = MenuCatalog.spec(for: menu)?.properties[property] else { return isSecretName(property) }
            return spec.sensitive || (isSecretName(property) && canHoldText(spec.kind))
        }
    }

    private static let decisions = Memo<String, Bool>()

    /// False for kinds whose values are yes/no, numbers or intervals: nothing secret fits in them.
    private static func canHoldText(_ kind: ValueKind) -> Bool {
        switch kind {
        case .boolean, .presence, .integer, .duration: return false
        default: return true
        }
    }

    /// True when the name alone says the value is a secret, in any menu (or none, as in `/login`).
    public static func isSecretName(_ name: String) -> Bool {
        let words = name.lowercased().split(whereSeparator: { "-._".contains($0) }).map(String.init)
        // `password-format`, `minimum-password-length`, `private-key-file`, `multi-passphrase-group`,
        // `password-authentication`: about a secret, not one.
        if let last = words.last, words.count > 1, describingLast.contains(last) { return false }
        if name == loginResponse || words.contains(where: secretWords.contains) || words.contains("preshared") {
            return true
        }
        if zip(words, words.dropFirst()).contains(where: { $0 == "pre" && $1 == "shared" }) {
            return true
        }
        guard words.contains("key") else { return false }
        if words.contains(where: describingWords.contains) { return false }
        return words.count == 1 || words.contains(where: keyQualifiers.contains)
    }

    /// Words that make a name a secret on their own.
    static let secretWords: Set<String> = ["password", "passwd", "passphrase", "secret", "secrets", "psk"]

    /// Words that, next to `key`, say which secret key it is (`tcp-md5-key`, `auth-key`, `eab-hmac-key`).
    static let keyQualifiers: Set<String> = ["private", "auth", "authentication", "md5", "hmac", "static", "encryption", "enc", "eab", "shared", "wep", "val"]

    /// Words that, next to `key`, say the name describes a key rather than holds one.
    static let describingWords: Set<String> = ["public", "size", "usage", "type", "id", "export", "reset", "length", "lifetime"]

    /// Arguments named like a secret that hold public material: `/user/ssh-keys key` is the
    /// user's public SSH key.
    static let publicMaterial: Set<String> = ["/user/ssh-keys key"]

    /// Last words that make a name describe a secret (its format, length, file, group, the
    /// switch that allows it) rather than hold one.
    static let describingLast: Set<String> = ["format", "length", "file", "group", "authentication", "login", "size", "usage", "type", "id", "lifetime"]

    /// `/login`'s challenge response, derived from the password (pre-6.43 login).
    static let loginResponse = "response"
}
