import ArgumentParser
import Foundation
import Reconciler

/// While something slow runs (an apply, reading menus): its progress, redrawn in place on a
/// terminal, or written as a line every few seconds to a log, so a slow router never looks like a
/// hung one. A line is written only when it says something new.
struct ProgressTicker {
    private let ticker: Task<Void, Never>
    /// True when standard error is a terminal.
    private let terminal: Bool

    /// How often a line is written when standard error is not a terminal: `ROSPLAY_PROGRESS_INTERVAL`
    /// (a duration such as 30s or 500ms), else 5 seconds.
    static var logInterval: Duration {
        guard let text = ProcessInfo.processInfo.environment["ROSPLAY_PROGRESS_INTERVAL"] else { return .seconds(5) }
        do {
            return try ConnectionOptions.duration(text, option: "ROSPLAY_PROGRESS_INTERVAL") ?? .seconds(5)
        } catch {
            Terminal.warning("\((error as? ValidationError)?.message ?? "\(error)"); using 5s")
            return .seconds(5)
        }
    }

    /// Starts showing `status` (given whether it is for a terminal, where it may say more; nil
    /// while there is nothing to show) until `stop()`.
    static func start(_ status: @escaping @Sendable (_ terminal: Bool) -> String?) -> ProgressTicker {
        let terminal = isatty(STDERR_FILENO) == 1
        let interval = terminal ? .milliseconds(200) : logInterval
        let ticker = Task {
            var shown: String?
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                if Task.isCancelled { break }
                guard let text = status(terminal), text != shown else { continue }
                shown = text
                if terminal { StatusLine.standardError.draw(text) } else { Terminal.standardError(text) }
            }
        }
        return ProgressTicker(ticker: ticker, terminal: terminal)
    }

    /// Stops, and takes the counter off the terminal. Stopping again does nothing more.
    func stop() async {
        ticker.cancel()
        await ticker.value
        if terminal { StatusLine.standardError.clear() }
    }
}

extension ReadProgress {
    /// `  reading menus: 120/314`, on a terminal with the menu last read; nil before any read is sent.
    func line(onTerminal terminal: Bool) -> String? {
        let (read, total, last) = counts
        guard total > 0 else { return nil }
        return "  reading menus: \(read)/\(total)" + (terminal ? last.map { " (\($0))" } ?? "" : "")
    }
}
