import Testing
@testable import RouterModel

/// The normalisation table: what RouterOS is given → what it prints.
struct ValueNormalizerTests {
    static let accepted: [(ValueKind, String, String)] = [
        (.boolean, "yes", "true"),
        (.boolean, "no", "false"),
        (.boolean, "true", "true"),
        (.boolean, "FALSE", "false"),
        (.presence, "", "true"),
        (.presence, "yes", "true"),
        (.presence, "no", "false"),
        (.integer(0...65535), "0013231", "13231"),
        (.integer(0...65535), "0", "0"),
        (.integer(-10...10), "-3", "-3"),
        (.duration(), "25", "25s"),
        (.duration(), "25s", "25s"),
        (.duration(), "60s", "1m"),
        (.duration(), "90", "1m30s"),
        (.duration(), "3600s", "1h"),
        (.duration(), "1w2d3h4m5s6ms", "1w2d3h4m5s6ms"),
        (.duration(), "14d", "2w"),
        (.duration(), "200ms", "200ms"),
        (.duration(), "0.2", "200ms"),
        (.duration(), "4s70ms", "4s70ms"),
        (.duration(), "00:01:30", "1m30s"),
        (.duration(), "1d00:00:00", "1d"),
        (.duration(), "0", "0s"),
        (.duration(0...65_535_000), "18h12m15s", "18h12m15s"),
        (.ipAddress(.v6), "2001:DB8:0:0::2", "2001:db8::2"),
        (.ipAddress(nil), "192.0.2.1", "192.0.2.1"),
        (.ipPrefix(.v6, masked: false), "2001:db8:0:0::2/64", "2001:db8::2/64"),
        (.ipPrefix(.v6, masked: true), "2001:db8:0:0::2/64", "2001:db8::/64"),
        (.ipPrefix(.v6, masked: true), "::1", "::1/128"),
        (.ipPrefix(.v6, masked: true), "::ffff:0.0.0.0/96", "::ffff:0.0.0.0/96"),
        (.ipPrefix(.v4, masked: false), "192.168.88.1/24", "192.168.88.1/24"),
        (.ipPrefix(.v4, masked: true), "192.168.88.1/24", "192.168.88.0/24"),
        (.ipMatch(nil), "fe80::/10", "fe80::/10"),
        (.scopedAddress(.v6), "2001:db8:1234:0::1%wg-host", "2001:db8:1234::1%wg-host"),
        (.scopedAddress(.v6), "FE80::1", "fe80::1"),
        (.choice([.scopedAddress(.v6), .text()]), "ether1", "ether1"),
        (.ipMatch(.v4), "192.0.2.7/32", "192.0.2.7"),
        (.ipMatch(.v4), "10.1.2.3/8", "10.0.0.0/8"),
        (.ipMatch(.v4), "192.168.88.10-192.168.88.254", "192.168.88.10-192.168.88.254"),
        (.portList, "33434-33534", "33434-33534"),
        (.portList, "500,4500", "500,4500"),
        (.portList, "053", "53"),
        (.enumeration(["accept", "drop"]), "drop", "drop"),
        (.flags(["established", "related", "new", "invalid", "untracked"]), "untracked,established,related", "established,related,untracked"),
        (.negatable(.reference(menu: "/interface/list")), "!LAN", "!LAN"),
        (.list(.ipPrefix(nil, masked: true)), "2001:db8:0::/48,10.0.0.1/24", "2001:db8::/48,10.0.0.0/24"),
        (.choice([.enumeration(["auto"]), .integer(68...65535)]), "auto", "auto"),
        (.choice([.enumeration(["auto"]), .integer(68...65535)]), "01420", "1420"),
        (.choice([.enumeration(["unspecified"]), .integer(1...255)]), "unspecified", "unspecified"),
        (.macAddress, "48-a9-8a-00-00-01", "48:A9:8A:00:00:01"),
        (.key32Base64, "YGzsr5zuc0QAAYbnNkE2EPD3SYLkxnkcHYj6kMiYjF8=", "YGzsr5zuc0QAAYbnNkE2EPD3SYLkxnkcHYj6kMiYjF8="),
        (.text(maxLength: 80), "abc", "abc"),
    ]

    @Test(arguments: accepted)
    func normalises(kind: ValueKind, input: String, printed: String) throws {
        #expect(try ValueNormalizer.normalize(input, as: kind) == printed)
        // Printed values are fixed points: normalising them again changes nothing.
        #expect(try ValueNormalizer.normalize(printed, as: kind) == printed)
    }

    static let refused: [(ValueKind, String, ValueError)] = [
        (.boolean, "maybe", .notOneOf(["yes", "no"])),
        (.integer(0...65535), "65536", .outOfRange("0 .. 65535")),
        (.integer(0...65535), "12a", .malformed(expected: "a whole number")),
        (.integer(0...65535), "", .malformed(expected: "a whole number")),
        (.duration(0...65_535_000), "19h", .outOfRange("00:00:00 .. 18:12:15")),
        (.duration(), "1e3", .malformed(expected: "a time interval such as 30s or 1m30s")),
        (.duration(), "5m3h", .malformed(expected: "a time interval such as 30s or 1m30s")),
        (.enumeration(["accept", "drop"]), "reject", .notOneOf(["accept", "drop"])),
        (.flags(["established", "related"]), "established,bogus", .notOneOf(["established", "related"])),
        (.ipAddress(.v6), "192.0.2.1", .malformed(expected: "an IPv6 address")),
        (.ipPrefix(.v6, masked: true), "2001:db8::/129", .malformed(expected: "an address with a prefix length, such as 2001:db8::/48")),
        (.portList, "70000", .outOfRange("0 .. 65535")),
        (.key32Base64, "c2hvcnQ=", .malformed(expected: "a 32-byte key in base64")),
        (.text(maxLength: 3), "abcd", .tooLong(maximum: 3)),
        (.macAddress, "48:A9:8A:00:00", .malformed(expected: "a MAC address such as 48:A9:8A:00:00:01")),
    ]

    @Test(arguments: refused)
    func refuses(kind: ValueKind, input: String, error: ValueError) {
        #expect(throws: error) { try ValueNormalizer.normalize(input, as: kind) }
    }
}
