/// One `?` word of a `print` query. Order matters: the words drive a boolean stack.
public enum QueryWord: Hashable, Sendable, CustomStringConvertible {
    /// `?name`: the item has the property.
    case has(String)
    /// `?-name`: the item lacks the property.
    case lacks(String)
    /// `?=name=value` (or `?name=value`): the property equals the value.
    case equals(String, Word)
    /// `?<name=value`: the property is less than the value.
    case less(String, Word)
    /// `?>name=value`: the property is greater than the value.
    case greater(String, Word)
    /// `?#ops`: stack operations (`!`, `&`, `|`, indices, `.`).
    case operations(String)

    /// The word as sent; equality always uses the unambiguous `?=name=value` form.
    public var word: Word {
        switch self {
        case .has(let name): return Word("?" + name)
        case .lacks(let name): return Word("?-" + name)
        case .equals(let name, let value): return Attribute(name, value).word(prefix: "?=")
        case .less(let name, let value): return Attribute(name, value).word(prefix: "?<")
        case .greater(let name, let value): return Attribute(name, value).word(prefix: "?>")
        case .operations(let ops): return Word("?#" + ops)
        }
    }

    /// Parses a word that starts with `?`.
    public init(parsing word: Word) throws(ProtocolError) {
        let bytes = word.bytes
        guard bytes.first == UInt8(ascii: "?"), bytes.count > 1 else {
            throw .malformedSentence("query word '\(word)' has no body")
        }
        let body = bytes[1...]
        switch body.first {
        case UInt8(ascii: "="):
            let attribute = Attribute(body: body.dropFirst())
            self = .equals(attribute.name, attribute.value)
        case UInt8(ascii: "<"):
            let attribute = Attribute(body: body.dropFirst())
            self = .less(attribute.name, attribute.value)
        case UInt8(ascii: ">"):
            let attribute = Attribute(body: body.dropFirst())
            self = .greater(attribute.name, attribute.value)
        case UInt8(ascii: "#"):
            let ops = String(decoding: body.dropFirst(), as: UTF8.self)
            if let problem = QueryEvaluator.problem(inOperations: ops) {
                throw .malformedSentence("query word '?#\(ops.prefix(64))': \(problem)")
            }
            self = .operations(ops)
        case UInt8(ascii: "-"):
            self = .lacks(String(decoding: body.dropFirst(), as: UTF8.self))
        default:
            if body.contains(UInt8(ascii: "=")) {
                let attribute = Attribute(body: body)
                self = .equals(attribute.name, attribute.value)
            } else {
                self = .has(String(decoding: body, as: UTF8.self))
            }
        }
    }

    public var description: String {
        description(hiding: [])
    }

    /// The word as text, a compared value shown as `(sensitive)` when its name is a secret or in `hidden`.
    public func description(hiding hidden: Set<String>) -> String {
        switch self {
        case .equals(let name, let value): return "?=" + Attribute(name, value).description(hiding: hidden)
        case .less(let name, let value): return "?<" + Attribute(name, value).description(hiding: hidden)
        case .greater(let name, let value): return "?>" + Attribute(name, value).description(hiding: hidden)
        case .has, .lacks, .operations: return word.string
        }
    }
}
