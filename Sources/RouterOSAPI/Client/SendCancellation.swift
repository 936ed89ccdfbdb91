import NIOConcurrencyHelpers

/// Orders a command's send and the cancellation of the task that awaits it, which race from
/// different threads: a cancellation before the send stops the send; one after it reaches the
/// connection after the command, so that the command is found and cancelled.
final class SendCancellation: Sendable {
    private enum Phase {
        case unsent, sent, cancelled
    }

    private let phase = NIOLockedValueBox(Phase.unsent)

    /// Runs `send` unless the task was cancelled first; returns whether it ran.
    func send(_ send: () -> Void) -> Bool {
        phase.withLockedValue { phase in
            switch phase {
            case .unsent:
                phase = .sent
                send()
                return true
            case .sent, .cancelled:
                return false
            }
        }
    }

    /// Records the cancellation; runs `cancel` when the command was sent (and not cancelled before).
    func cancel(_ cancel: () -> Void) {
        phase.withLockedValue { phase in
            switch phase {
            case .sent: cancel()
            case .unsent, .cancelled: break
            }
            phase = .cancelled
        }
    }
}
