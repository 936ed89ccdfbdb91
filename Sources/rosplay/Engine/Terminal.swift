import Foundation
import Reconciler

/// Output helpers: colour only on a terminal, and every message on standard error in one form,
/// `rosplay: error|warning|note: …` (or `file:line:column: error: …` for a place in a playbook).
enum Terminal {
    static var isInteractive: Bool { isatty(STDOUT_FILENO) == 1 }

    private static var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// Colour only on a terminal, and never with `NO_COLOR` set or `TERM=dumb`.
    static var colour: Bool {
        isInteractive && environment["NO_COLOR"].map(\.isEmpty) ?? true && environment["TERM"] != "dumb"
    }

    /// ASCII stand-ins where the locale is not UTF-8.
    static var symbols: TextSymbols { TextSymbols.forLocale(environment) }

    /// How plans are shown on this output.
    static var renderer: PlanRenderer { PlanRenderer(colour: colour, symbols: symbols) }

    static func error(_ message: String) {
        standardError("rosplay: error: \(message)")
    }

    static func warning(_ message: String) {
        standardError("rosplay: warning: \(message)")
    }

    /// Something the user should know that is neither wrong nor a risk: an armed revert, a signal received.
    static func note(_ message: String) {
        standardError("rosplay: note: \(message)")
    }

    static func standardError(_ text: String) {
        // What was printed before goes out first, so a log of both streams keeps their order.
        fflush(nil)
        StatusLine.standardError.write(symbols.transliterating(text) + "\n")
    }

    /// A step of a long run, indented under what it belongs to.
    static func progress(_ message: String) {
        standardError("  \(symbols.ellipsis) \(message)")
    }
}
