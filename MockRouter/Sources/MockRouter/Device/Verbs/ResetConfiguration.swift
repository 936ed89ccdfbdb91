import RouterModel

/// What `/system/reset-configuration` asked for. MockRouter's users always survive a reset,
/// as with `keep-users=yes`: they come from its configuration, not from the router's.
struct ResetRequest: Hashable, Sendable {
    /// `no-defaults=yes`: an empty configuration instead of the defconf.
    var noDefaults: Bool
}

extension CommandExecution {
    /// Records the reset; ``RouterDevice`` carries it out once the reply is sent, like a reboot.
    mutating func resetConfiguration() throws {
        try checkArguments(of: "reset-configuration")
        reset = ResetRequest(noDefaults: try isSet("no-defaults"))
    }

    /// True when the yes/no argument `name` is given as yes (or without a value).
    /// - Throws: a trap for a value that is neither.
    private func isSet(_ name: String) throws -> Bool {
        guard let value = command[name] else { return false }
        do {
            return try ValueNormalizer.normalize(value, as: .presence) == "true"
        } catch {
            throw CommandTrap(TrapText.invalidValue(value, for: name, error))
        }
    }
}
