/// RouterOS time intervals: what it accepts and how it prints them.
///
/// Accepts `25` (seconds), unit runs such as `1w2d3h4m5s6ms`, `1.5s`, and clock forms
/// `00:01:30`, `1d00:00:00` or `3d 04:00:00`. Prints weeks, days, hours, minutes, seconds and
/// milliseconds with zero parts left out (`90s` is `1m30s`, `0` is `0s`), as RouterOS does.
public enum RouterOSDuration {
    private static let units: [(String, Int64)] = [("w", 604_800_000), ("d", 86_400_000), ("h", 3_600_000), ("m", 60_000), ("s", 1000), ("ms", 1)]

    /// The interval in milliseconds, or nil when `text` is not a time interval.
    public static func milliseconds(_ text: String) -> Int64? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        if trimmed.contains(":") { return clockForm(trimmed) }
        if trimmed.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), let seconds = Double(trimmed) {
            return Int64((seconds * 1000).rounded())
        }
        return unitForm(Substring(trimmed))
    }

    /// `1w2d3h4m5s6ms` and the like; each unit at most once, largest first.
    private static func unitForm(_ text: Substring) -> Int64? {
        var total: Int64 = 0
        var rest = text
        var lastUnit = -1
        while !rest.isEmpty {
            let number = rest.prefix { $0.isNumber || $0 == "." }
            guard !number.isEmpty, let value = Double(number) else { return nil }
            rest = rest.dropFirst(number.count)
            let unitText = rest.prefix { $0.isLetter }
            guard let unitIndex = units.firstIndex(where: { $0.0 == unitText.lowercased() }), unitIndex > lastUnit else { return nil }
            lastUnit = unitIndex
            rest = rest.dropFirst(unitText.count)
            total += Int64((value * Double(units[unitIndex].1)).rounded())
        }
        return total
    }

    /// `hh:mm:ss[.fff]`, optionally after a `Nd` or `Nw…d` prefix.
    private static func clockForm(_ text: String) -> Int64? {
        var prefix: Int64 = 0
        var clock = Substring(text)
        if let dayEnd = text.lastIndex(where: { $0 == "d" || $0 == "w" }) {
            guard let days = unitForm(text[...dayEnd]) else { return nil }
            prefix = days
            clock = text[text.index(after: dayEnd)...].drop { $0 == " " }
        }
        let parts = clock.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3, let hours = Int64(parts[0]), let minutes = Int64(parts[1]), let seconds = Double(parts[2]),
              minutes < 60, seconds < 60 else { return nil }
        return prefix + hours * 3_600_000 + minutes * 60_000 + Int64((seconds * 1000).rounded())
    }

    /// RouterOS's printed form of an interval.
    public static func format(milliseconds: Int64) -> String {
        guard milliseconds > 0 else { return "0s" }
        var rest = milliseconds
        var text = ""
        for (unit, size) in units where rest >= size {
            text += "\(rest / size)\(unit)"
            rest %= size
        }
        return text
    }
}

import Foundation
