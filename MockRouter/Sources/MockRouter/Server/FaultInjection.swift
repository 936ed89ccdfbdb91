/// Ways to make the mock misbehave on purpose, for tests of timeouts, retries and recovery.
public struct FaultInjection: Hashable, Sendable {
    /// Delay before every reply is sent; commands are not serialised by it.
    public var latency: Duration
    /// Answer `/login =name= =password=` with a challenge, as RouterOS before 6.43 did.
    public var legacyLogin: Bool

    public init(latency: Duration = .zero, legacyLogin: Bool = false) {
        self.latency = latency
        self.legacyLogin = legacyLogin
    }
}

extension Duration {
    /// Whole milliseconds, rounded down.
    var milliseconds: Int64 {
        components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000
    }
}
