/// A JSON document, written pretty-printed with its keys sorted: what `--json` prints. Built and
/// written directly, because Foundation's JSONEncoder takes 20 ms for a plan of 1,000 operations
/// (two seconds at 100,000), several times what the rest of the report costs.
public enum JSONValue: Sendable, Equatable {
    case string(String)
    case number(Int)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([String: JSONValue])

    /// A string, or `null` for nil.
    public static func text(_ value: String?) -> JSONValue {
        value.map(JSONValue.string) ?? .null
    }

    /// The document as text: two spaces of indent a level, `"key" : value`, keys sorted.
    public var text: String {
        var out = ""
        write(to: &out, indent: "")
        return out
    }

    private func write(to out: inout String, indent: String) {
        switch self {
        case .string(let value): Self.quote(value, into: &out)
        case .number(let value): out += String(value)
        case .bool(let value): out += value ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            let inner = indent + "  "
            out += "[\n"
            for (position, item) in items.enumerated() {
                if position > 0 { out += ",\n" }
                out += inner
                item.write(to: &out, indent: inner)
            }
            out += "\n" + indent + "]"
        case .object(let members):
            guard !members.isEmpty else { out += "{}"; return }
            let inner = indent + "  "
            out += "{\n"
            for (position, key) in members.keys.sorted().enumerated() {
                if position > 0 { out += ",\n" }
                out += inner
                Self.quote(key, into: &out)
                out += " : "
                members[key]!.write(to: &out, indent: inner)
            }
            out += "\n" + indent + "}"
        }
    }

    /// `value` as a JSON string: quotes, backslashes and control characters escaped, nothing else.
    private static func quote(_ value: String, into out: inout String) {
        out += "\""
        guard value.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
            out += value
            out += "\""
            return
        }
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
