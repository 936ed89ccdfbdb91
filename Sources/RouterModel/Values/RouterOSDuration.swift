/// RouterOS time intervals: what it accepts and how it prints them.
///
/// Accepts `25` (seconds), unit runs such as `1w2d3h4m5s6ms`, `1.5s`, and clock forms
/// `00:01:30`, `1d00:00:00` or `3d 04:00:00`. Prints weeks, days, hours, minutes, seconds and
/// milliseconds with zero parts left out (`90s` is `1m30s`, `0` is `0s`), as RouterOS does.
///
/// Every number in the text is untrusted: arithmetic is checked, and an interval too long to
/// hold is refused as out of range (``ValueError/outOfRange(_:)``), never wrapped or trapped.
public enum RouterOSDuration {
    private static let units: [(String, Int64)] = [("w", 604_800_000), ("d", 86_400_000), ("h", 3_600_000), ("m", 60_000), ("s", 1000), ("ms", 1)]

    /// The longest interval an interval property holds, in milliseconds.
    public static let maximum = Int64.max

    /// The error for an interval longer than ``maximum``.
    static var outOfRange: ValueError { .outOfRange(range(0...maximum)) }

    /// A range as RouterOS's out-of-range trap writes it: `00:00:10 .. 1d00:00:00`.
    public static func range(_ range: ClosedRange<Int64>) -> String {
        "\(clockFormat(milliseconds: range.lowerBound)) .. \(clockFormat(milliseconds: range.upperBound))"
    }

    /// `00:00:10`, `1d00:00:00`, `00:00:00.020`: the clock form RouterOS's traps use.
    public static func clockFormat(milliseconds: Int64) -> String {
        let seconds = milliseconds / 1000, fraction = milliseconds % 1000
        let days = seconds / 86_400
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        var text = (days > 0 ? "\(days)d" : "") + "\(two(seconds % 86_400 / 3600)):\(two(seconds % 3600 / 60)):\(two(seconds % 60))"
        if fraction > 0 { text += "." + String(String(fraction + 1000).dropFirst()) }
        return text
    }

    private static let malformed = ValueError.malformed(expected: "a time interval such as 30s or 1m30s")

    /// The interval in milliseconds, or nil when `text` is not one (or is too long to hold).
    public static func milliseconds(_ text: String) -> Int64? {
        try? parse(text)
    }

    /// The interval in milliseconds.
    /// - Throws: ``ValueError/malformed(expected:)`` when `text` is not a time interval,
    ///   ``ValueError/outOfRange(_:)`` when it is longer than ``maximum``.
    public static func parse(_ text: String) throws(ValueError) -> Int64 {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw malformed }
        if trimmed.contains(":") { return try clockForm(trimmed) }
        if trimmed.allSatisfy(isNumberCharacter) { return try scaled(Substring(trimmed), by: 1000) }
        return try unitForm(Substring(trimmed))
    }

    private static func isNumberCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isNumber || character == ".")
    }

    /// `number × unit` milliseconds: whole numbers exactly, fractions rounded to the millisecond.
    private static func scaled(_ number: Substring, by unit: Int64) throws(ValueError) -> Int64 {
        guard !number.isEmpty, number.allSatisfy(isNumberCharacter) else { throw malformed }
        if !number.contains(".") {
            // All digits: a number too long for Int64 is out of range, not malformed.
            guard let whole = Int64(number) else { throw outOfRange }
            let (product, overflow) = whole.multipliedReportingOverflow(by: unit)
            guard !overflow else { throw outOfRange }
            return product
        }
        guard let value = Double(number) else { throw malformed }
        guard let product = Int64(exactly: (value * Double(unit)).rounded()) else { throw outOfRange }
        return product
    }

    private static func sum(_ a: Int64, _ b: Int64) throws(ValueError) -> Int64 {
        let (total, overflow) = a.addingReportingOverflow(b)
        guard !overflow else { throw outOfRange }
        return total
    }

    /// `1w2d3h4m5s6ms` and the like; each unit at most once, largest first.
    private static func unitForm(_ text: Substring) throws(ValueError) -> Int64 {
        var total: Int64 = 0
        var rest = text
        var lastUnit = -1
        while !rest.isEmpty {
            let number = rest.prefix(while: isNumberCharacter)
            rest = rest.dropFirst(number.count)
            let unitText = rest.prefix { $0.isLetter }
            guard let unitIndex = units.firstIndex(where: { $0.0 == unitText.lowercased() }), unitIndex > lastUnit else { throw malformed }
            lastUnit = unitIndex
            rest = rest.dropFirst(unitText.count)
            total = try sum(total, try scaled(number, by: units[unitIndex].1))
        }
        return total
    }

    /// `hh:mm:ss[.fff]`, optionally after a `Nd` or `Nw…d` prefix.
    private static func clockForm(_ text: String) throws(ValueError) -> Int64 {
        var prefix: Int64 = 0
        var clock = Substring(text)
        if let dayEnd = text.lastIndex(where: { $0 == "d" || $0 == "w" }) {
            prefix = try unitForm(text[...dayEnd])
            clock = text[text.index(after: dayEnd)...].drop { $0 == " " }
        }
        let parts = clock.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].allSatisfy(\.isASCII), parts[0].allSatisfy(\.isNumber),
              parts[1].allSatisfy(\.isASCII), parts[1].allSatisfy(\.isNumber) else { throw malformed }
        let hours = try scaled(parts[0], by: 3_600_000)
        let minutes = try scaled(parts[1], by: 60_000)
        let seconds = try scaled(parts[2], by: 1000)
        guard minutes < 3_600_000, seconds < 60_000 else { throw malformed }
        return try sum(try sum(prefix, hours), try sum(minutes, seconds))
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
