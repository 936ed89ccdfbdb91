import Foundation
import Testing
@testable import Reconciler

/// What `--json` writes is JSON any parser reads back as it was built: keys sorted, strings escaped.
struct JSONValueTests {
    @Test func writesWhatAParserReadsBack() throws {
        let tricky = "quote \" backslash \\ newline \n tab \t bell \u{7} slash / é ✓"
        let value = JSONValue.object([
            "b": .array([.number(1), .bool(true), .null, .string(tricky), .array([]), .object([:])]),
            "a": .object(["z": .number(-3), "y": .string("")]),
        ])
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(value.text.utf8)) as? [String: Any])
        let list = try #require(parsed["b"] as? [Any])
        #expect(list[3] as? String == tricky)
        #expect((parsed["a"] as? [String: Any])?["z"] as? Int == -3)
        #expect(value.text.hasPrefix("{\n  \"a\" : {\n    \"y\" : \"\",\n    \"z\" : -3\n  },\n  \"b\" : [\n    1,\n"))
        #expect(value.text.contains("\"quote \\\" backslash \\\\ newline \\n tab \\t bell \\u0007 slash / é ✓\""))
    }
}
