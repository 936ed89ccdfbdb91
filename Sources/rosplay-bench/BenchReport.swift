import Foundation

/// The results of one benchmark run: a table for people, JSON for scripts.
struct BenchReport: Encodable {
    struct Row: Encodable {
        /// What was measured (`codec`, `apply at 20 ms latency`…).
        let group: String
        /// Who did it (`rosplay`, `librouteros 4.2.2`) and how.
        let label: String
        /// How many operations (sentences, commands, entries) were timed.
        let count: Int
        let seconds: Double
        /// Operations per second.
        let rate: Double
        /// Megabytes per second, for the codec.
        let megabytesPerSecond: Double?
        /// Seconds per operation relative to the group's first row of the same label (the
        /// smallest size): 1.0 is linear, 10 at ten times the size is quadratic.
        let costRatio: Double?
        /// Peak resident memory of a whole process, in MB.
        let peakMegabytes: Double?
        /// The least time the case can take on such a router: round trips × latency + commands × service time.
        let floorSeconds: Double?
        /// The group's peer doing the same work at the same size, for the `÷ peer` ratio.
        let peerSeconds: Double?
        /// Round-trip waves rosplay's apply took.
        let waves: Int?
    }

    /// What the extra columns of a row say, when known.
    struct Extras {
        var peakMegabytes: Double?
        var floor: Duration?
        var peer: Duration?
        var waves: Int?
    }

    var rows: [Row] = []

    mutating func add(_ group: String, _ label: String, count: Int, elapsed: Duration, bytes: Int? = nil, _ extras: Extras = Extras()) {
        let seconds = elapsed.seconds
        let first = rows.first { $0.group == group && $0.label == label }
        let perOperation = seconds / Double(count)
        rows.append(Row(
            group: group, label: label, count: count, seconds: seconds, rate: Double(count) / seconds,
            megabytesPerSecond: bytes.map { Double($0) / 1e6 / seconds },
            costRatio: first.map { perOperation / ($0.seconds / Double($0.count)) },
            peakMegabytes: extras.peakMegabytes, floorSeconds: extras.floor?.seconds, peerSeconds: extras.peer?.seconds, waves: extras.waves))
    }

    /// One line per row, grouped.
    var table: String {
        var lines: [String] = []
        var group = ""
        for row in rows {
            if row.group != group {
                group = row.group
                lines.append("")
                lines.append(group)
            }
            var line = "  " + row.label.padding(toLength: 44, withPad: " ", startingAt: 0)
            line += String(format: "%8d %9.3f s %11.0f /s", row.count, row.seconds, row.rate)
            if let megabytes = row.megabytesPerSecond { line += String(format: " %8.1f MB/s", megabytes) }
            if let ratio = row.costRatio { line += String(format: "  cost per op ×%.2f", ratio) }
            if let peak = row.peakMegabytes { line += String(format: "  peak %4.0f MB", peak) }
            if let waves = row.waves { line += "  waves \(waves)" }
            if let floor = row.floorSeconds, floor > 0 { line += String(format: "  ÷ floor (%.3f s) ×%.1f", floor, row.seconds / floor) }
            if let peer = row.peerSeconds { line += String(format: "  ÷ peer ×%.2f", row.seconds / peer) }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    func writeJSON(to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(self).write(to: URL(fileURLWithPath: path))
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
