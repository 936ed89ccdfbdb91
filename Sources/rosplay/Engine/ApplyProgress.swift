import Foundation
import Reconciler

/// While an apply runs: a counter of operations answered, redrawn in place on a terminal, or a
/// line every few seconds in a log, so a slow router never looks like a hung one.
struct ApplyProgress: Sendable {
    let control: ApplyControl
    let total: Int
    /// True when standard error is a terminal.
    let terminal: Bool

    init(control: ApplyControl, total: Int) {
        self.control = control
        self.total = total
        terminal = isatty(STDERR_FILENO) == 1
    }

    /// Reports until cancelled; call `finish` afterwards to end the terminal's line.
    func run() async {
        let interval: Duration = terminal ? .milliseconds(200) : .seconds(5)
        var shown = -1
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            if Task.isCancelled { break }
            let (applied, sent) = control.counts
            guard applied != shown else { continue }
            shown = applied
            let text = "  \(applied)/\(total) operation(s) applied, \(sent - applied) in flight"
            if terminal {
                FileHandle.standardError.write(Data(("\r" + text + "\u{1B}[K").utf8))
            } else {
                Terminal.standardError(text)
            }
        }
    }

    /// Ends the counter's line on a terminal.
    func finish() {
        if terminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
