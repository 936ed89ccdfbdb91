/// What `/system/reset-configuration` asked for.
struct ResetRequest: Hashable, Sendable {
    /// `no-defaults=yes`: an empty configuration instead of the defconf.
    var noDefaults: Bool
    /// `keep-users=yes`: users survive (MockRouter's users always do; recorded for fidelity).
    var keepUsers: Bool
}

extension CommandExecution {
    /// Records the reset; ``RouterDevice`` carries it out once the reply is sent, like a reboot.
    mutating func resetConfiguration() throws {
        try checkArguments(of: "reset-configuration")
        reset = ResetRequest(
            noDefaults: command["no-defaults"].map { ["yes", "true", ""].contains($0) } ?? false,
            keepUsers: command["keep-users"].map { ["yes", "true", ""].contains($0) } ?? false
        )
    }
}
