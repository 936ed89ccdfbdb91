import Testing
@testable import RouterOSAPI

/// Regression tests for `?#` operands: `?#99999999999999999999` from a read-only user once
/// overflowed the index arithmetic and killed MockRouter.
struct QueryOperandTests {
    func parsingError(_ word: String) -> ProtocolError? {
        do {
            _ = try QueryWord(parsing: Word(word))
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: ["?#99999999999999999999", "?#9223372036854775808", "?#1|99999999999999999999999&", "?#" + String(repeating: "9", count: 1000)])
    func hugeIndexIsRefusedAsAMalformedQuery(_ word: String) {
        #expect(parsingError(word).map { "\($0)".hasSuffix("stack index out of range") } == true, "\(String(describing: parsingError(word)))")
    }

    @Test(arguments: ["?#-1", "?#1-", "?#x", "?# "])
    func negativeOrUnknownOperationIsRefused(_ word: String) {
        #expect(parsingError(word).map { "\($0)".contains("unknown stack operation") } == true)
    }

    @Test(arguments: ["?#|", "?#&!", "?#0", "?#1.", "?#9223372036854775807", "?#..|!&", "?#"])
    func documentedOperationsStillParse(_ word: String) {
        #expect(parsingError(word) == nil)
    }

    /// The evaluator is public: built directly, a huge index reads the infinite run of `true`.
    @Test func hugeIndexBuiltDirectlyEvaluatesWithoutTrapping() {
        let evaluator = QueryEvaluator([.has("missing"), .operations("99999999999999999999")])
        #expect(evaluator.matches { _ in nil })
        #expect(!QueryEvaluator([.has("missing"), .operations("99999999999999999999.")]).matches { _ in nil })
    }
}
