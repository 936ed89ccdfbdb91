import Testing
@testable import RouterModel

/// Regression tests for intervals too long to hold: each once trapped the process (an
/// `Int64` overflow or a `Double` → `Int64` conversion of an out-of-range value).
struct DurationOverflowTests {
    /// What the interval parser said, as text: the printed form, or the error.
    func parsed(_ text: String, as kind: ValueKind = .duration()) -> String {
        do { return try ValueNormalizer.normalize(text, as: kind) } catch { return "\(error)" }
    }

    static let maximum = RouterOSDuration.format(milliseconds: RouterOSDuration.maximum)

    @Test(arguments: [
        "9999999999999:00:00",          // mock-routeros: timeout=9999999999999:00:00
        "99999999999999999999",         // rosplay validate: timeout: 99999999999999999999
        "99999999999999999999.5",
        "9223372036854775807w",
        "9223372036854776s",
        "15250284452w3d7h12m55s808ms",  // one millisecond more than the most an interval holds
        "9999999999999999d00:00:00",
        String(repeating: "9", count: 400),
        String(repeating: "9", count: 400) + ".0s",
    ])
    func tooLongIsOutOfRange(_ text: String) {
        #expect(parsed(text) == "out of range (00:00:00 .. \(RouterOSDuration.clockFormat(milliseconds: RouterOSDuration.maximum)))")
    }

    @Test func tooLongNamesThePropertysOwnRange() {
        #expect(parsed("9999999999999:00:00", as: .duration(0...21_474_836_000)) == "out of range (00:00:00 .. 248d13:13:56)")
    }

    @Test func theLongestIntervalIsAccepted() {
        #expect(parsed(Self.maximum) == Self.maximum)
        #expect(parsed("9223372036854775807ms") == Self.maximum)
    }

    @Test(arguments: ["-5:00:00", "+1:00:00", "1:-1:00", "1..5s", ".s", "5x", ":", "1:2", "1d2:", "٣s"])
    func malformedIsStillMalformed(_ text: String) {
        #expect(parsed(text).hasPrefix("must be a time interval"), "\(parsed(text))")
    }
}
