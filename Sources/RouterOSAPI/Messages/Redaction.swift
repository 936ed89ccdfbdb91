import RouterModel

/// How secret attribute values print: never, only the wire carries them.
public enum Redaction {
    /// What a secret value prints as.
    public static let placeholder = SecretRule.placeholder

    /// True when values of attribute `name` must never be printed, whatever the menu: see ``SecretRule/isSecretName(_:)``.
    public static func isSensitive(_ name: String) -> Bool {
        SecretRule.isSecretName(name)
    }
}
