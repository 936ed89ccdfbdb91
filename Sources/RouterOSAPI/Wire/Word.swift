/// One word of the RouterOS API: a run of bytes.
///
/// Words are bytes, not text. A value may contain `=` or bytes that are not UTF-8;
/// ``string`` decodes for display and comparison, ``bytes`` is what travels.
public struct Word: Hashable, Sendable, ExpressibleByStringInterpolation, CustomStringConvertible {
    /// The bytes of the word, without its length prefix.
    public var bytes: [UInt8]

    public init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    public init(_ string: String) {
        self.bytes = Array(string.utf8)
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    public init(stringInterpolation: DefaultStringInterpolation) {
        self.init(String(stringInterpolation: stringInterpolation))
    }

    /// The word decoded as UTF-8, with invalid sequences replaced by U+FFFD.
    public var string: String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// True for the zero-length word that ends a sentence.
    public var isEmpty: Bool { bytes.isEmpty }

    public var description: String { string }
}
