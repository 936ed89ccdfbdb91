/// A sentence: the words between two zero-length words.
///
/// The terminating empty word is implied; ``words`` never contains it.
public struct Sentence: Hashable, Sendable, CustomStringConvertible {
    public var words: [Word]

    public init(_ words: [Word]) {
        self.words = words
    }

    public var description: String {
        words.map(\.string).joined(separator: " ")
    }
}
