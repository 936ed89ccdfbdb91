/// A named value carried by a word such as `=name=value` or `.tag=7`.
public struct Attribute: Hashable, Sendable, CustomStringConvertible {
    public var name: String
    public var value: Word

    public init(_ name: String, _ value: Word) {
        self.name = name
        self.value = value
    }

    public init(_ name: String, _ value: String) {
        self.init(name, Word(value))
    }

    /// Splits the body of an attribute word (the part after the leading `=` or `.`)
    /// at its first `=`: `name=iu=c3Eeg` is `name` and `iu=c3Eeg`. A body without `=`
    /// is a name with an empty value, the way flags such as `=follow=` are sent.
    init(body: ArraySlice<UInt8>) {
        if let equals = body.firstIndex(of: UInt8(ascii: "=")) {
            name = String(decoding: body[..<equals], as: UTF8.self)
            value = Word(bytes: Array(body[body.index(after: equals)...]))
        } else {
            name = String(decoding: body, as: UTF8.self)
            value = Word(bytes: [])
        }
    }

    /// The word `<prefix>name=value`.
    func word(prefix: String) -> Word {
        Word(bytes: Array((prefix + name + "=").utf8) + value.bytes)
    }

    /// `name=value`, with the value replaced by `(sensitive)` when the name is a secret.
    public var description: String {
        description(hiding: [])
    }

    /// `name=value`, the value replaced by `(sensitive)` when the name is a secret or in `hidden`.
    public func description(hiding hidden: Set<String>) -> String {
        "\(name)=\(Redaction.isSensitive(name) || hidden.contains(name) ? Redaction.placeholder : value.string)"
    }
}

extension Array where Element == Attribute {
    /// The value of the last attribute called `name`, decoded as UTF-8.
    public subscript(name: String) -> String? {
        last { $0.name == name }?.value.string
    }
}
