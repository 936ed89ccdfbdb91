/// Ways to make the mock misbehave on purpose, for tests of timeouts, retries and recovery.
public struct FaultInjection: Hashable, Sendable {
    /// Delay before every reply is sent; commands are not serialised by it.
    public var latency: Duration
    /// Answer `/login =name= =password=` with a challenge, as RouterOS before 6.43 did.
    public var legacyLogin: Bool
    /// Close the first session when its Nth sentence arrives, without executing it.
    /// Later sessions are not affected, so a re-run can recover.
    public var dropAfterSentences: Int?

    /// Processing time per command, one command after another across all sessions (a slow CPU).
    public var serviceTime: Duration
    /// Answer every command on this path (`/ip/address/add`) or under this menu (`/ip/address`) with a `!trap`.
    public var trapOn: String?
    /// Close connections beyond this many open sessions.
    public var maxSessions: Int?
    /// How long connections are refused after `/system/reset-configuration`, like a reboot.
    public var rebootDelay: Duration
    /// Once a command on this path has run, every command that arrives after it (from any session)
    /// waits until `stall.duration` after it: a router whose CPU is suddenly taken. The scheduler is not held up.
    public var stall: Stall?

    /// A stall of every command after the first on a path (see ``FaultInjection/stall``).
    public struct Stall: Hashable, Sendable {
        /// A command path, such as `/system/scheduler/add`.
        public var after: String
        public var duration: Duration

        public init(after: String, duration: Duration) {
            self.after = after
            self.duration = duration
        }
    }

    public init(
        latency: Duration = .zero,
        legacyLogin: Bool = false,
        dropAfterSentences: Int? = nil,
        serviceTime: Duration = .zero,
        trapOn: String? = nil,
        maxSessions: Int? = nil,
        rebootDelay: Duration = .milliseconds(500),
        stall: Stall? = nil
    ) {
        self.latency = latency
        self.legacyLogin = legacyLogin
        self.dropAfterSentences = dropAfterSentences
        self.serviceTime = serviceTime
        self.trapOn = trapOn
        self.maxSessions = maxSessions
        self.rebootDelay = rebootDelay
        self.stall = stall
    }
}
