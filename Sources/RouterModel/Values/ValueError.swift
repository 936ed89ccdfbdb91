/// Why a value does not fit its property's ``ValueKind``.
public enum ValueError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Not one of the words the property takes.
    case notOneOf([String])
    /// A number or interval outside the property's range (the range as RouterOS writes it).
    case outOfRange(String)
    /// Not of the expected form (what was expected, in words).
    case malformed(expected: String)
    /// Longer than the property allows.
    case tooLong(maximum: Int)

    public var description: String {
        switch self {
        case .notOneOf(let words): return "must be one of \(words.joined(separator: ", "))"
        case .outOfRange(let range): return "out of range (\(range))"
        case .malformed(let expected): return "must be \(expected)"
        case .tooLong(let maximum): return "is longer than \(maximum) characters"
        }
    }
}
