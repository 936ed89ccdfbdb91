import Foundation

/// The progress line redrawn in place at the foot of a terminal's standard error. Whatever else
/// goes to standard error clears it first, so a message never lands after half a counter. With
/// `TERM=dumb` it is redrawn with carriage returns and spaces, no escape codes.
final class StatusLine: @unchecked Sendable {
    static let standardError = StatusLine()

    private let lock = NSLock()
    /// Characters of the line on the terminal now; 0 when none is.
    private var drawn = 0
    private let dumb = ProcessInfo.processInfo.environment["TERM"] == "dumb"

    /// Shows `text` in place of the line drawn before.
    func draw(_ text: String) {
        locked {
            let rest = dumb ? String(repeating: " ", count: max(0, drawn - text.count)) : "\u{1B}[K"
            emit("\r" + text + rest)
            drawn = text.count
        }
    }

    /// Takes the line off the terminal, if one is drawn.
    func clear() {
        locked { erase() }
    }

    /// Writes `text` to standard error, the line taken off first.
    func write(_ text: String) {
        locked {
            erase()
            emit(text)
        }
    }

    private func erase() {
        guard drawn > 0 else { return }
        emit(dumb ? "\r" + String(repeating: " ", count: drawn) + "\r" : "\r\u{1B}[K")
        drawn = 0
    }

    private func emit(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    private func locked(_ body: () -> Void) {
        lock.lock()
        defer { lock.unlock() }
        body()
    }
}
