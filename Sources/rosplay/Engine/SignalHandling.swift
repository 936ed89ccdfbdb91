import Foundation
import Reconciler

/// What SIGINT and SIGTERM do. Until an apply starts nothing has changed on the router, so the
/// process says so and exits 130. During an apply the first signal asks it to send nothing new,
/// wait for the replies in flight and undo what it did; a second exits at once and says what
/// may remain.
enum SignalHandling {
    private static let state = SignalState()

    /// Installs the handlers: from now on a signal ends a read-only run cleanly.
    static func install() {
        state.install()
    }

    /// From now on the first signal stops `control`'s apply instead of exiting.
    static func guardApply(_ control: ApplyControl) {
        state.set(.applying(control))
    }

    /// From now on the first signal stops the verification of an apply that succeeded (and its
    /// repair of rule order): what was applied stays; a second exits at once.
    static func guardVerify(_ control: ApplyControl) {
        state.set(.verifying(control))
    }

    /// Back to exiting at once: the apply is over, and what it left is on the router.
    static func applyFinished() {
        state.set(.applied)
    }

    /// From now on a signal exits at once saying `what` may have changed on the router (a raw
    /// command sent by `call`, a revert being armed or disarmed), as `interrupted by SIGINT WHAT`.
    static func mayChange(_ what: String) {
        state.set(.changing(what))
    }
}

/// Where the run is, for what a signal means.
private enum Stage {
    /// Nothing has been sent that changes the router.
    case reading
    /// An apply is running under this control.
    case applying(ApplyControl)
    /// An apply succeeded and is being verified (rules put back in order) under this control.
    case verifying(ApplyControl)
    /// An apply has ended; its report is being written or its result verified.
    case applied
    /// Something outside an apply may be changing the router: what to say about it.
    case changing(String)
}

/// The write end of the pipe signal handlers report to; set before any handler is installed.
/// A handler may do little safely, so it only writes the signal's number here.
nonisolated(unsafe) private var signalPipeWriteEnd: Int32 = -1

/// 1 while nothing has changed on the router: the handler itself then says so and exits 130,
/// with `write` and `_exit` only (async-signal-safe), needing no other thread to be scheduled.
nonisolated(unsafe) private var exitInHandler: Int32 = 1

/// What the handler writes before exiting in the reading stage, composed at install: per signal,
/// the message for standard error and (with `--json`) the error document for standard output.
/// Plain pointers, so the handler neither allocates nor counts references.
private typealias ReadingMessage = (stderr: UnsafeMutableBufferPointer<UInt8>, stdout: UnsafeMutableBufferPointer<UInt8>)
nonisolated(unsafe) private var readingSIGINT: ReadingMessage?
nonisolated(unsafe) private var readingSIGTERM: ReadingMessage?

/// `text`'s bytes in memory that is never freed, for a signal handler to write.
private func permanentBytes(_ text: String) -> UnsafeMutableBufferPointer<UInt8> {
    let bytes = Array(text.utf8)
    let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, bytes.count))
    _ = buffer.initialize(from: bytes)
    return UnsafeMutableBufferPointer(rebasing: buffer[0..<bytes.count])
}

/// Writes all of `buffer` to `descriptor`, async-signal-safely.
private func writeAll(_ descriptor: Int32, _ buffer: UnsafeMutableBufferPointer<UInt8>) {
    var offset = 0
    while offset < buffer.count, let base = buffer.baseAddress {
        let written = write(descriptor, base + offset, buffer.count - offset)
        if written <= 0 { if written < 0, errno == EINTR { continue } else { return } }
        offset += written
    }
}

private final class SignalState: @unchecked Sendable {
    private let lock = NSLock()
    private var stage = Stage.reading
    private var installed = false

    /// Installs `sigaction` handlers that write to a pipe, read by a thread of their own. Once this
    /// returns a signal is never lost: no handler is set up later or asynchronously (a dispatch
    /// signal source registers on another thread, and a signal sent meanwhile was ignored), and a
    /// busy thread pool cannot delay a handler past the stage it belongs to.
    func install() {
        lock.lock()
        defer { lock.unlock() }
        guard !installed else { return }
        installed = true
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { return }
        signalPipeWriteEnd = ends[1]
        let schema = ErrorDocument.schema(requestedBy: Array(CommandLine.arguments.dropFirst()))
        for (number, name) in [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM")] {
            let message = Self.message(name, "before anything was changed on the router")
            let document = schema.map { ErrorDocument(schema: $0, problems: [.init(location: nil, message: message)], exitStatus: 130).text + "\n" } ?? ""
            let composed = (permanentBytes("rosplay: error: \(message)\n"), permanentBytes(document))
            if number == SIGINT { readingSIGINT = composed } else { readingSIGTERM = composed }
        }
        let readEnd = ends[0]
        Thread.detachNewThread { [self] in
            var number: UInt8 = 0
            while true {
                let count = read(readEnd, &number, 1)
                if count == 0 { return }
                guard count == 1 else { continue }
                received(Int32(number) == SIGINT ? "SIGINT" : "SIGTERM")
            }
        }
        for number in [SIGINT, SIGTERM] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { number in
                if exitInHandler == 1, let messages = number == SIGINT ? readingSIGINT : readingSIGTERM {
                    writeAll(STDERR_FILENO, messages.stderr)
                    writeAll(STDOUT_FILENO, messages.stdout)
                    _exit(130)
                }
                var byte = UInt8(truncatingIfNeeded: number)
                _ = write(signalPipeWriteEnd, &byte, 1)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_RESTART
            sigaction(number, &action, nil)
        }
    }

    func set(_ stage: Stage) {
        lock.lock()
        self.stage = stage
        if case .reading = stage { exitInHandler = 1 } else { exitInHandler = 0 }
        lock.unlock()
    }

    /// `interrupted by SIGINT WHAT`.
    static func message(_ name: String, _ what: String) -> String {
        "interrupted by \(name) \(what)"
    }

    private func received(_ name: String) {
        lock.lock()
        let stage = self.stage
        lock.unlock()
        let control: ApplyControl
        switch stage {
        case .reading:
            interrupted(by: name, "before anything was changed on the router")
        case .applied:
            interrupted(by: name, "after the apply ended; what its report says was applied is on the router (run rosplay drift to check)")
        case .changing(let what):
            interrupted(by: name, what)
        case .applying(let running):
            control = running
        case .verifying(let running):
            guard running.stopRequested != nil else {
                running.requestStop("interrupted by \(name)")
                Terminal.note("\(name): stopping the verification; what was applied stays on the router (send it again to exit at once)")
                return
            }
            interrupted(by: name, "again: exiting at once; what was applied is on the router (run rosplay drift to check)")
        }
        if control.stopRequested == nil {
            control.requestStop("interrupted by \(name)")
            Terminal.note("\(name): sending nothing new; waiting for the replies in flight, then undoing what was applied (send it again to exit at once)")
            return
        }
        let counts = control.counts
        interrupted(by: name, "again: exiting at once. \(counts.sent) operation(s) were sent and \(counts.applied) confirmed; "
            + "what was not undone yet may remain on the router: run rosplay plan to see what differs.")
    }

    /// Says why the run ends (with the error document `--json` asked for) and exits 130.
    private func interrupted(by name: String, _ what: String) -> Never {
        let message = Self.message(name, what)
        Terminal.error(message)
        if let schema = ErrorDocument.schema(requestedBy: Array(CommandLine.arguments.dropFirst())) {
            print(ErrorDocument(schema: schema, problems: [.init(location: nil, message: message)], exitStatus: 130).text)
            fflush(nil)
        }
        exit(130)
    }
}
