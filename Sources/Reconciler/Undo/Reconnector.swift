import RouterOSAPI

/// Opens a new session after the old one was lost: capped exponential backoff, all attempts
/// within one overall deadline, one progress line per attempt.
public struct Reconnector: Sendable {
    /// Opens a session; no stage of it (connect, handshake, login) may wait past the instant it is given.
    public var connect: @Sendable (_ deadline: ContinuousClock.Instant) async throws -> any RouterSession
    /// How long all attempts together may take.
    public var deadline: Duration
    public var firstDelay: Duration
    public var maximumDelay: Duration

    public init(deadline: Duration = .seconds(60), firstDelay: Duration = .milliseconds(250), maximumDelay: Duration = .seconds(8),
                connect: @escaping @Sendable (_ deadline: ContinuousClock.Instant) async throws -> any RouterSession) {
        self.connect = connect
        self.deadline = deadline
        self.firstDelay = firstDelay
        self.maximumDelay = maximumDelay
    }

    /// A new session, or the last attempt's error once the deadline has passed. Each attempt is
    /// given what is left of the deadline, so the last one ends with it.
    func reconnect(progress: @Sendable (String) -> Void) async throws -> any RouterSession {
        let clock = ContinuousClock()
        let end = clock.now + deadline
        var delay = firstDelay
        var attempt = 1
        while true {
            do {
                let session = try await connect(end)
                progress("reconnected (attempt \(attempt))")
                return session
            } catch {
                let left = end - clock.now
                guard left > .zero else {
                    progress("reconnect attempt \(attempt) failed: \(error); giving up after \(deadline.secondsText)")
                    throw error
                }
                let wait = min(delay, left)
                progress("reconnect attempt \(attempt) failed: \(error); next in \(wait.secondsText)")
                try? await Task.sleep(for: wait)
                delay = min(delay * 2, maximumDelay)
                attempt += 1
            }
        }
    }
}
