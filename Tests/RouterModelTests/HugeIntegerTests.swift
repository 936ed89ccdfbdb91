import Testing
@testable import RouterModel

/// Whole numbers too long for Int64 are out of the property's range, as RouterOS says, not "malformed".
struct HugeIntegerTests {
    func parsed(_ text: String, as kind: ValueKind) -> String {
        do { return try ValueNormalizer.normalize(text, as: kind) } catch { return "\(error)" }
    }

    @Test(arguments: ["99999999999999999999", "-99999999999999999999", "9223372036854775808", "00000000000000000000099999999999999999999"])
    func hugeIntegerIsOutOfRange(_ text: String) {
        #expect(parsed(text, as: .integer(0...65535)) == "out of range (0 .. 65535)")
    }

    @Test func hugePortIsOutOfRange() {
        #expect(parsed("53,99999999999999999999-1", as: .portList) == "out of range (0 .. 65535)")
    }

    @Test(arguments: ["", "-", "1.5", "+1", "1e3", "٣"])
    func notANumberIsStillMalformed(_ text: String) {
        #expect(parsed(text, as: .integer(0...65535)) == "must be a whole number")
    }
}
