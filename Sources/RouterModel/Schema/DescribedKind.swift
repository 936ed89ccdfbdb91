import Foundation

/// The value kind RouterOS's own description of an argument implies (`/console/inspect`'s
/// `desc`): `0..4294967295`, `3s..18h12m15s    (time interval)`, `A.B.C.D    (IP address)`,
/// `ip|ipv6[,Afi*]`, `string value, max length 32`. Nil where the text says nothing usable.
enum DescribedKind {
    static func kind(from description: String) -> ValueKind? {
        let parts = description.split(separator: "    ", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let head = parts.first, !head.isEmpty else { return nil }
        switch parts.count == 2 ? parts[1] : "" {
        case "(time interval)": return .duration(durationRange(head))
        // RouterOS describes one alternative of what it accepts (`/snmp/community addresses` says
        // `IPv6/0..128` and takes IPv4 prefixes and lists too), so addresses are read leniently:
        // either family, one or several; what RouterOS refuses, it refuses with its own words.
        case "(IP address)": return address(head)
        case "(IP prefix)", "(IPv6 prefix)": return .list(.choice([.ipAddress(nil), .ipPrefix(nil, masked: false)]))
        case "(IP address range)": return .list(.ipMatch(nil))
        case "(MAC address)": return .macAddress
        default: break
        }
        if head == "time interval" { return .duration() }
        if let range = integerRange(head) { return .integer(range) }
        if head.hasPrefix("string value") { return .text(maxLength: maximumLength(head)) }
        if let open = head.firstIndex(of: "["), head.hasSuffix("*]") {
            let words = head[..<open].split(separator: "|").map(String.init)
            return words.isEmpty ? nil : .list(.enumeration(words))
        }
        return nil
    }

    /// `none | A.B.C.D`: the address or one of the words before it.
    private static func address(_ head: String) -> ValueKind {
        let words = head.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0 != "A.B.C.D" }
        return words.isEmpty ? .ipAddress(nil) : .choice([.enumeration(words), .ipAddress(nil)])
    }

    /// `0..4294967295`.
    private static func integerRange(_ head: String) -> ClosedRange<Int64>? {
        let bounds = head.split(separator: "..", omittingEmptySubsequences: false)
        guard bounds.count == 2, let low = Int64(bounds[0]), let high = Int64(bounds[1]), low <= high else { return nil }
        return low...high
    }

    /// `3s..18h12m15s`, `00:00:00.020..00:00:05`, `00:00:00.200..` (no upper bound).
    private static func durationRange(_ head: String) -> ClosedRange<Int64>? {
        let bounds = head.split(separator: "..", omittingEmptySubsequences: false).map(String.init)
        guard bounds.count == 2, let low = try? RouterOSDuration.parse(bounds[0]) else { return nil }
        let high = bounds[1].isEmpty ? Int64.max : (try? RouterOSDuration.parse(bounds[1])) ?? Int64.max
        return low <= high ? low...high : nil
    }

    /// `string value, min length 1, max length 255` → 255.
    private static func maximumLength(_ head: String) -> Int? {
        guard let range = head.range(of: "max length ") else { return nil }
        return Int(head[range.upperBound...].prefix { $0.isNumber })
    }
}
