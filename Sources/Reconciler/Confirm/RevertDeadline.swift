import Foundation

/// When the revert an apply armed will run, by this machine's clock, and whether there is still
/// time to send more before it does.
///
/// The router fires the revert at its own clock's `date time` plus the window. That clock was
/// read, to the second, by a command sent at `clockRead`: the revert cannot fire before
/// `clockRead + window − 1 s` (the window rounded up to whole seconds). Commands are sent only
/// while, after the ones in flight have been answered at the pace the router has shown, the
/// ``reserve`` would still be left: time to stop, and to run the revert itself.
public final class RevertDeadline: @unchecked Sendable {
    /// The earliest instant the router may run the revert.
    public let firesNoEarlierThan: ContinuousClock.Instant
    /// Kept back before ``firesNoEarlierThan``: four of the arming's round trips, at least 2 s.
    public let reserve: Duration

    private let lock = NSLock()
    /// The longest a request has taken to be answered, counted from when it was sent or the
    /// answer before it came, whichever is later: how fast the router works through a queue.
    private var pace: Duration
    /// When each unanswered request was sent, oldest first.
    private var unanswered: [ContinuousClock.Instant] = []
    private var lastAnswer: ContinuousClock.Instant?

    /// - Parameters:
    ///   - clockRead: when the command that read the router's clock was sent.
    ///   - window: the revert fires this long after the clock it read (rounded up to whole seconds).
    ///   - roundTrip: the slowest of the arming's commands.
    public init(clockRead: ContinuousClock.Instant, window: Duration, roundTrip: Duration) {
        let seconds = window.components.seconds + (window.components.attoseconds > 0 ? 1 : 0)
        firesNoEarlierThan = clockRead + .seconds(seconds - 1)
        reserve = max(.seconds(2), roundTrip * 4)
        pace = roundTrip
    }

    /// True while one more request may be sent: the ones in flight and it, at the router's pace,
    /// leave the ``reserve`` before the revert can fire.
    public func allowsSending() -> Bool {
        lock.withLock { ContinuousClock.now + reserve + pace * (unanswered.count + 1) < firesNoEarlierThan }
    }

    /// True once too little time is left to undo anything before the revert fires: the apply hands over to it.
    public var isDue: Bool {
        ContinuousClock.now + reserve >= firesNoEarlierThan
    }

    /// True once the router may have run the revert.
    public var mayHaveFired: Bool {
        ContinuousClock.now >= firesNoEarlierThan
    }

    /// A request was sent.
    func sent() {
        lock.withLock { unanswered.append(.now) }
    }

    /// A request was answered: its wait counts towards the router's pace.
    func answered() {
        lock.withLock {
            let now = ContinuousClock.now
            guard !unanswered.isEmpty else { return }
            let sentAt = unanswered.removeFirst()
            let started = lastAnswer.map { max(sentAt, $0) } ?? sentAt
            pace = max(pace, now - started)
            lastAnswer = now
        }
    }
}
