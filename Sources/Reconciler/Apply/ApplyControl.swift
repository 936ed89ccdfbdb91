import Foundation

/// Shared between a running apply and whoever may interrupt it (a signal handler): the request
/// to stop, and live counts to say what may remain if the process must exit at once.
public final class ApplyControl: @unchecked Sendable {
    private let lock = NSLock()
    private var stopReason: String?
    private var appliedCount = 0
    private var sentCount = 0

    public init() {}

    /// Asks the apply to send nothing new, wait for the replies in flight and undo what it did.
    public func requestStop(_ reason: String) {
        locked { if stopReason == nil { stopReason = reason } }
    }

    /// Why a stop was requested; nil while none was.
    public var stopRequested: String? { locked { stopReason } }

    /// Operations the router confirmed, and operations sent, so far (undo does not lower them).
    public var counts: (applied: Int, sent: Int) { locked { (appliedCount, sentCount) } }

    func sent() { locked { sentCount += 1 } }
    func applied() { locked { appliedCount += 1 } }

    private func locked<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }
}
