import Dispatch
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

    /// Back to exiting at once: the apply is over, and what it left is on the router.
    static func applyFinished() {
        state.set(.applied)
    }
}

/// Where the run is, for what a signal means.
private enum Stage {
    /// Nothing has been sent that changes the router.
    case reading
    /// An apply is running under this control.
    case applying(ApplyControl)
    /// An apply has ended; its report is being written or its result verified.
    case applied
}

private final class SignalState: @unchecked Sendable {
    private let lock = NSLock()
    private var stage = Stage.reading
    private var sources: [DispatchSourceSignal] = []
    /// Its own queue, so a busy global pool cannot delay a handler past the stage it belongs to.
    private let queue = DispatchQueue(label: "rosplay.signals")

    func install() {
        lock.lock()
        defer { lock.unlock() }
        guard sources.isEmpty else { return }
        for (number, name) in [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM")] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [self] in received(name) }
            source.resume()
            sources.append(source)
        }
    }

    func set(_ stage: Stage) {
        lock.lock()
        self.stage = stage
        lock.unlock()
    }

    private func received(_ name: String) {
        lock.lock()
        let stage = self.stage
        lock.unlock()
        let control: ApplyControl
        switch stage {
        case .reading:
            Terminal.standardError("rosplay: interrupted by \(name) before anything was changed on the router")
            exit(130)
        case .applied:
            Terminal.standardError("rosplay: interrupted by \(name) after the apply ended; what its report says was applied is on the router (run rosplay drift to check)")
            exit(130)
        case .applying(let running):
            control = running
        }
        if control.stopRequested == nil {
            control.requestStop("interrupted by \(name)")
            Terminal.standardError("rosplay: \(name): sending nothing new; waiting for the replies in flight, then undoing what was applied (send it again to exit at once)")
            return
        }
        let counts = control.counts
        Terminal.standardError("rosplay: \(name) again: exiting at once. \(counts.sent) operation(s) were sent and \(counts.applied) confirmed; "
            + "what was not undone yet may remain on the router: run rosplay plan to see what differs.")
        exit(130)
    }
}
