/// A command sentence: a path, then attribute words, API attribute words and query words.
///
/// ```swift
/// var command = Command("/ip/address/add", ["address": "192.0.2.1/24", "interface": "bridge"])
/// let print = Command("/ip/address/print", queries: [.equals("interface", "bridge")])
/// ```
public struct Command: Hashable, Sendable, CustomStringConvertible {
    /// The command word, such as `/ip/address/print`.
    public var path: String
    /// `=name=value` words, in order.
    public var attributes: [Attribute]
    /// `.name=value` words other than `.tag`.
    public var apiAttributes: [Attribute]
    /// `?` words, in order.
    public var queries: [QueryWord]
    /// The `.tag` the replies will carry, if any.
    public var tag: String?
    /// Attributes whose values print as `(sensitive)` in ``description``, beyond the names every
    /// menu treats as secret (``Redaction``): the caller knows which values came from secrets.
    public var sensitive: Set<String> = []

    public init(
        _ path: String,
        _ attributes: KeyValuePairs<String, String> = [:],
        queries: [QueryWord] = [],
        tag: String? = nil
    ) {
        self.init(path, attributes: attributes.map { Attribute($0.key, $0.value) }, queries: queries, tag: tag)
    }

    public init(_ path: String, attributes: [Attribute], apiAttributes: [Attribute] = [], queries: [QueryWord] = [], tag: String? = nil) {
        self.path = path
        self.attributes = attributes
        self.apiAttributes = apiAttributes
        self.queries = queries
        self.tag = tag
    }

    /// The words of this command, in the order RouterOS documents: path, attributes, API attributes, queries.
    public var sentence: Sentence {
        Sentence([Word(path)] + SortedWords.words(attributes: attributes, apiAttributes: apiAttributes, tag: tag) + queries.map(\.word))
    }

    /// Reads a command sentence as a router does.
    public init(parsing sentence: Sentence) throws(ProtocolError) {
        guard let first = sentence.words.first else { throw .malformedSentence("empty sentence") }
        let sorted = SortedWords(sentence.words.dropFirst())
        self.init(first.string, attributes: sorted.attributes, apiAttributes: sorted.apiAttributes, tag: sorted.tag)
        for word in sorted.others {
            guard word.bytes.first == UInt8(ascii: "?") else {
                // Only up to its `=`: what follows may be a secret given without the leading `=`.
                let text = word.string
                let shown = text.firstIndex(of: "=").map { text[..<$0] + "=…" } ?? text
                throw .malformedSentence("unexpected word '\(shown.prefix(64))' in command \(path) (attribute words start with '=', queries with '?')")
            }
            queries.append(try QueryWord(parsing: word))
        }
    }

    /// The value of attribute `name`, decoded as UTF-8.
    public subscript(name: String) -> String? {
        attributes[name]
    }

    /// The command as one line for people, secrets redacted; the client's `.tag` is left out.
    public var description: String {
        var parts = [path]
        parts += attributes.map { "=" + $0.description(hiding: sensitive) }
        parts += apiAttributes.map { ".\($0)" }
        parts += queries.map { $0.description(hiding: sensitive) }
        return parts.joined(separator: " ")
    }
}
