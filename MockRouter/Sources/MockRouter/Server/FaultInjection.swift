/// Ways to make the mock misbehave on purpose, for tests of timeouts, retries and recovery.
public struct FaultInjection: Hashable, Sendable {
    /// Delay before every reply is sent; commands are not serialised by it.
    public var latency: Duration
    /// Answer `/login =name= =password=` with a challenge, as RouterOS before 6.43 did.
    public var legacyLogin: Bool
    /// Close the first session when its Nth sentence arrives, without executing it.
    /// Later sessions are not affected, so a re-run can recover.
    public var dropAfterSentences: Int?

    public init(latency: Duration = .zero, legacyLogin: Bool = false, dropAfterSentences: Int? = nil) {
        self.latency = latency
        self.legacyLogin = legacyLogin
        self.dropAfterSentences = dropAfterSentences
    }
}

extension Duration {
    /// Whole milliseconds, rounded down.
    var milliseconds: Int64 {
        components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000
    }
}
