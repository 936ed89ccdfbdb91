/// A reply sentence from the router: `!re`, `!done`, `!trap`, `!fatal`, `!empty`, or a type we do not know.
public struct Reply: Hashable, Sendable, CustomStringConvertible {
    /// The reply type, the first word of the sentence.
    public enum Kind: Hashable, Sendable, CustomStringConvertible {
        /// `!re`: one data item.
        case re
        /// `!done`: the last reply to a command; may carry `=ret=`.
        case done
        /// `!trap`: an error; the command still ends with `!done`.
        case trap
        /// `!fatal`: the router closes the connection; the reason follows as a bare word.
        case fatal
        /// `!empty`: a print found nothing (RouterOS 7.18 and later).
        case empty
        /// Any other `!word`; clients ignore it until `!done`.
        case other(String)

        public init(word: String) {
            switch word {
            case "!re": self = .re
            case "!done": self = .done
            case "!trap": self = .trap
            case "!fatal": self = .fatal
            case "!empty": self = .empty
            default: self = .other(word)
            }
        }

        public var word: String {
            switch self {
            case .re: return "!re"
            case .done: return "!done"
            case .trap: return "!trap"
            case .fatal: return "!fatal"
            case .empty: return "!empty"
            case .other(let word): return word
            }
        }

        public var description: String { word }
    }

    public var kind: Kind
    /// `=name=value` words, in order.
    public var attributes: [Attribute]
    /// `.name=value` words other than `.tag` (none are documented; kept for fidelity).
    public var apiAttributes: [Attribute]
    /// The `.tag` of the command this replies to.
    public var tag: String?
    /// Words without a prefix, such as the reason after `!fatal`.
    public var bareWords: [Word]

    public init(_ kind: Kind, attributes: [Attribute] = [], tag: String? = nil, bareWords: [Word] = []) {
        self.kind = kind
        self.attributes = attributes
        self.apiAttributes = []
        self.tag = tag
        self.bareWords = bareWords
    }

    /// `!done`, with `=ret=` when given.
    public static func done(ret: String? = nil, tag: String? = nil) -> Reply {
        Reply(.done, attributes: ret.map { [Attribute("ret", $0)] } ?? [], tag: tag)
    }

    /// `!trap` with `=category=` (when given) and `=message=`.
    public static func trap(_ message: String, category: TrapCategory? = nil, tag: String? = nil) -> Reply {
        var attributes: [Attribute] = []
        if let category { attributes.append(Attribute("category", String(category.rawValue))) }
        attributes.append(Attribute("message", message))
        return Reply(.trap, attributes: attributes, tag: tag)
    }

    /// `!fatal` followed by the reason as a bare word.
    public static func fatal(_ reason: String) -> Reply {
        Reply(.fatal, bareWords: [Word(reason)])
    }

    public var sentence: Sentence {
        Sentence([Word(kind.word)] + SortedWords.words(attributes: attributes, apiAttributes: apiAttributes, tag: tag) + bareWords)
    }

    /// Reads a reply sentence as a client does.
    public init(parsing sentence: Sentence) throws(ProtocolError) {
        guard let first = sentence.words.first, first.bytes.first == UInt8(ascii: "!") else {
            throw .malformedSentence("reply does not start with a '!' word: '\(sentence.description.prefix(64))'")
        }
        let sorted = SortedWords(sentence.words.dropFirst())
        self.init(Kind(word: first.string), attributes: sorted.attributes, tag: sorted.tag, bareWords: sorted.others)
        apiAttributes = sorted.apiAttributes
    }

    /// The value of attribute `name`, decoded as UTF-8.
    public subscript(name: String) -> String? {
        attributes[name]
    }

    public var description: String {
        var parts = [kind.word]
        parts += attributes.map { "=\($0)" }
        if let tag { parts.append(".tag=\(tag)") }
        parts += bareWords.map(\.string)
        return parts.joined(separator: " ")
    }
}
