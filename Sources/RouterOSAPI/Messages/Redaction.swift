/// Which attribute values are secrets, and how they print.
///
/// Secrets never appear in descriptions, errors or logs; only the wire carries them.
public enum Redaction {
    /// What a secret value prints as.
    public static let placeholder = "(sensitive)"

    /// Attribute names whose values are secrets on every RouterOS menu.
    public static let sensitiveNames: Set<String> = [
        "password", "private-key", "preshared-key", "tcp-md5-key", "secret", "ipsec-secret",
        "passphrase", "response", "auth-key", "key",
    ]

    /// True when values of attribute `name` must never be printed.
    public static func isSensitive(_ name: String) -> Bool {
        sensitiveNames.contains(name)
    }
}
