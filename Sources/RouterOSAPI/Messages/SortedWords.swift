/// The words after a sentence's first, sorted the way commands and replies both use them:
/// `=name=value` attributes, `.name=value` API attributes (with `.tag` apart), and the rest.
struct SortedWords {
    var attributes: [Attribute] = []
    var apiAttributes: [Attribute] = []
    var tag: String?
    /// Words with neither prefix, in order (query words of a command, the reason after `!fatal`).
    var others: [Word] = []

    init(_ words: ArraySlice<Word>) {
        for word in words {
            let bytes = word.bytes
            switch bytes.first {
            case UInt8(ascii: "="):
                attributes.append(Attribute(body: bytes.dropFirst()))
            case UInt8(ascii: "."):
                let attribute = Attribute(body: bytes.dropFirst())
                if attribute.name == "tag" { tag = attribute.value.string } else { apiAttributes.append(attribute) }
            default:
                others.append(word)
            }
        }
    }

    /// The words of these parts, in the order RouterOS documents: attributes, API attributes, tag.
    static func words(attributes: [Attribute], apiAttributes: [Attribute], tag: String?) -> [Word] {
        var words = attributes.map { $0.word(prefix: "=") }
        words += apiAttributes.map { $0.word(prefix: ".") }
        if let tag { words.append(Word(".tag=" + tag)) }
        return words
    }
}
