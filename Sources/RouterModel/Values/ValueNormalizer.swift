import Foundation

/// Reads a value the way RouterOS reads it and returns it the way RouterOS prints it.
///
/// One set of rules for both ends: MockRouter stores what this returns (and traps on what it
/// throws); the reconciler normalises the playbook's values and the router's with it before
/// comparing, so a second plan after apply is empty.
public enum ValueNormalizer {
    /// The printed form of `value` for a property of `kind`.
    public static func normalize(_ value: String, as kind: ValueKind) throws(ValueError) -> String {
        switch kind {
        case .text(let maximum):
            if let maximum, value.count > maximum { throw .tooLong(maximum: maximum) }
            return value
        case .untyped:
            return value
        case .boolean:
            switch value.lowercased() {
            case "yes", "true": return "true"
            case "no", "false": return "false"
            default: throw .notOneOf(["yes", "no"])
            }
        case .presence:
            return value.isEmpty ? "true" : try normalize(value, as: .boolean)
        case .integer(let range):
            return try integer(value, in: range)
        case .duration(let range):
            let milliseconds: Int64
            do {
                milliseconds = try RouterOSDuration.parse(value)
            } catch {
                // Too long to hold is also outside the property's own range: name that range.
                guard case .outOfRange = error, let range else { throw error }
                throw durationOutOfRange(range)
            }
            if let range, !range.contains(milliseconds) { throw durationOutOfRange(range) }
            return RouterOSDuration.format(milliseconds: milliseconds)
        case .enumeration(let words):
            guard words.contains(value) else { throw .notOneOf(words) }
            return value
        case .flags(let words):
            let given = value.split(separator: ",", omittingEmptySubsequences: true).map(String.init)
            for flag in given where !words.contains(flag) { throw .notOneOf(words) }
            return words.filter(given.contains).joined(separator: ",")
        case .ipAddress(let family):
            guard let address = IPText.Address(value), family == nil || address.family == family else {
                throw .malformed(expected: family.map { "an \($0 == .v4 ? "IPv4" : "IPv6") address" } ?? "an IP address")
            }
            return address.text
        case .scopedAddress(let family):
            let parts = value.split(separator: "%", maxSplits: 1, omittingEmptySubsequences: false)
            let address = try normalize(String(parts[0]), as: .ipAddress(family))
            guard parts.count == 2 else { return address }
            guard !parts[1].isEmpty else { throw .malformed(expected: "an interface after %") }
            return address + "%" + parts[1]
        case .ipPrefix(let family, let masked):
            guard let (address, length) = IPText.prefix(value), family == nil || address.family == family else {
                throw .malformed(expected: "an address with a prefix length, such as \(family == .v4 ? "192.0.2.0/24" : "2001:db8::/48")")
            }
            return "\((masked ? address.masked(to: length) : address).text)/\(length)"
        case .ipMatch(let family):
            return try ipMatch(value, family: family)
        case .portList:
            return try portList(value)
        case .key32Base64:
            guard let data = Data(base64Encoded: value), data.count == 32 else { throw .malformed(expected: "a 32-byte key in base64") }
            return data.base64EncodedString()
        case .macAddress:
            return try macAddress(value)
        case .rate:
            return try rate(value)
        case .fields(let kinds, let separator):
            let parts = value.components(separatedBy: separator)
            guard parts.count <= kinds.count else { throw .malformed(expected: "at most \(kinds.count) values separated by '\(separator)'") }
            var normalized: [String] = []
            for (part, kind) in zip(parts, kinds) { normalized.append(try normalize(part, as: kind)) }
            return normalized.joined(separator: separator)
        case .eachWay(let inner):
            let parts = value.split(separator: "/", omittingEmptySubsequences: false)
            guard (1...2).contains(parts.count) else { throw .malformed(expected: "one value, or upload/download such as 20M/20M") }
            var normalized: [String] = []
            for part in parts { normalized.append(try normalize(String(part), as: inner)) }
            return normalized.joined(separator: "/")
        case .reference(_, let keywords):
            guard !value.isEmpty || keywords.contains("") else { throw .malformed(expected: "a name") }
            return value
        case .list(let element):
            let items = value.split(separator: ",", omittingEmptySubsequences: true)
            var normalized: [String] = []
            for item in items { normalized.append(try normalize(String(item), as: element)) }
            return normalized.joined(separator: ",")
        case .choice(let kinds):
            var firstError: ValueError?
            for kind in kinds {
                do {
                    return try normalize(value, as: kind)
                } catch {
                    // A value of the right shape past its range is refused, not read as the next kind.
                    if case .outOfRange = error { throw error }
                    firstError = firstError ?? error
                }
            }
            throw firstError ?? .malformed(expected: "a value")
        case .negatable(let inner):
            if value.hasPrefix("!") { return "!" + (try normalize(String(value.dropFirst()), as: inner)) }
            return try normalize(value, as: inner)
        }
    }

    /// True when `desired` and `printed` are the same value of `kind`: equal once normalised, or
    /// for ``ValueKind/untyped`` values, equal as yes/no, as whole numbers or as time intervals.
    public static func sameValue(_ desired: String, _ printed: String?, as kind: ValueKind) -> Bool {
        guard let printed else { return false }
        if desired == printed { return true }
        guard case .untyped = kind else { return false }
        if let a = truth(desired), let b = truth(printed) { return a == b }
        if let a = Int64(desired), let b = Int64(printed) { return a == b }
        if let a = try? RouterOSDuration.parse(desired), let b = try? RouterOSDuration.parse(printed) { return a == b }
        return false
    }

    private static func truth(_ value: String) -> Bool? {
        switch value {
        case "yes", "true": return true
        case "no", "false": return false
        default: return nil
        }
    }

    private static func durationOutOfRange(_ range: ClosedRange<Int64>) -> ValueError {
        .outOfRange(RouterOSDuration.range(range))
    }

    private static func integer(_ value: String, in range: ClosedRange<Int64>) throws(ValueError) -> String {
        let digits = value.hasPrefix("-") ? value.dropFirst() : Substring(value)
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw .malformed(expected: "a whole number")
        }
        // A whole number too long for Int64 is outside every range, not malformed.
        guard let number = Int64(value), range.contains(number) else { throw .outOfRange("\(range.lowerBound) .. \(range.upperBound)") }
        return String(number)
    }

    /// An address, a prefix (host bits cleared; a full-length prefix prints as the bare address) or a range `a-b`.
    private static func ipMatch(_ value: String, family: IPFamily?) throws(ValueError) -> String {
        let expected = ValueError.malformed(expected: "an address, a prefix or a range")
        if let dash = value.firstIndex(of: "-") {
            guard let low = IPText.Address(String(value[..<dash])), let high = IPText.Address(String(value[value.index(after: dash)...])),
                  low.family == high.family, family == nil || low.family == family else { throw expected }
            return "\(low.text)-\(high.text)"
        }
        guard let (address, length) = IPText.prefix(value), family == nil || address.family == family else { throw expected }
        return length == address.bitCount ? address.text : "\(address.masked(to: length).text)/\(length)"
    }

    private static func portList(_ value: String) throws(ValueError) -> String {
        let items = value.split(separator: ",", omittingEmptySubsequences: false)
        var normalized: [String] = []
        for item in items {
            let bounds = item.split(separator: "-", omittingEmptySubsequences: false)
            guard (1...2).contains(bounds.count) else { throw .malformed(expected: "ports such as 53 or 33434-33534") }
            var numbers: [String] = []
            for bound in bounds { numbers.append(try integer(String(bound), in: 0...65535)) }
            normalized.append(numbers.joined(separator: "-"))
        }
        return normalized.joined(separator: ",")
    }

    /// `20M` → `20000000`: k, M and G are powers of 1000, as RouterOS reads rates.
    private static func rate(_ value: String) throws(ValueError) -> String {
        let multipliers: [Character: Int64] = ["k": 1_000, "K": 1_000, "M": 1_000_000, "G": 1_000_000_000]
        var digits = Substring(value)
        var multiplier: Int64 = 1
        if let last = digits.last, let factor = multipliers[last] {
            multiplier = factor
            digits = digits.dropLast()
        }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { throw .malformed(expected: "a rate such as 20M or 512k") }
        guard let number = Int64(digits) else { throw .outOfRange("0 .. \(Int64.max)") }
        let (bits, overflow) = number.multipliedReportingOverflow(by: multiplier)
        guard !overflow else { throw .outOfRange("0 .. \(Int64.max)") }
        return String(bits)
    }

    private static func macAddress(_ value: String) throws(ValueError) -> String {
        let hex = value.uppercased().filter { $0.isHexDigit }
        let separators = value.filter { !$0.isHexDigit }
        guard hex.count == 12, separators.allSatisfy({ ":-.".contains($0) }) else {
            throw .malformed(expected: "a MAC address such as 48:A9:8A:00:00:01")
        }
        var pairs: [String] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            pairs.append(String(hex[index..<next]))
            index = next
        }
        return pairs.joined(separator: ":")
    }
}
