import Reconciler

/// An apply report for a person: why it stopped, operations that ended alike grouped on one line
/// with their count and first entries, whether the router is as before, and the exact counts.
enum ApplyReportText {
    /// Entries named per group before "and N more".
    static let shownPerGroup = 3

    static func render(_ report: ApplyReport, symbols: TextSymbols = Terminal.symbols) -> String {
        if report.succeeded { return "Applied \(counted(report.outcomes.count, "operation")) in \(counted(report.waves, "wave"))." }
        var lines = ["Apply stopped: \(report.stopReason ?? "an operation failed")."]
        let groups = report.groups
        let width = groups.map { "\($0.labels.count)".count }.max() ?? 1
        for group in groups {
            let count = String(repeating: " ", count: width - "\(group.labels.count)".count) + "\(group.labels.count)"
            let shown = group.labels.prefix(shownPerGroup).map { $0.isEmpty ? "(settings)" : $0 }.joined(separator: "; ")
            let more = group.labels.count > shownPerGroup ? " \(symbols.ellipsis) and \(group.labels.count - shownPerGroup) more" : ""
            let status = group.status.rawValue.padding(toLength: 13, withPad: " ", startingAt: 0)
            lines.append("  \(status) \(count) \(symbols.times) \(group.kind.rawValue) \(group.menu): \(shown)\(more)"
                + (group.error.map { "\n  \(String(repeating: " ", count: 13 + width + 4))\(symbols.because) \($0)" } ?? ""))
        }
        if report.routerUnchanged {
            lines.append("Nothing of this apply remains on the router.")
        } else {
            lines.append("SOME CHANGES MAY REMAIN on the router: the applied, not-undone and uncertain operations above. Run rosplay plan to see what differs.")
        }
        lines.append("Counts: \(report.countsLine).")
        return lines.joined(separator: "\n")
    }
}
