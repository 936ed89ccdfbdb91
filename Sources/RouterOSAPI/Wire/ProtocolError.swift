/// The peer broke the framing rules of the RouterOS API.
///
/// These are unrecoverable for a connection: the byte stream can no longer be split into words.
public enum ProtocolError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A length prefix started with a reserved control byte (`0xF8` or above).
    case controlByte(UInt8)
    /// A word was longer than the configured limit.
    case wordTooLong(length: UInt64, limit: Int)
    /// A sentence's words added up to more bytes than the configured limit.
    case sentenceTooLong(limit: Int)
    /// A sentence had more words than the configured limit.
    case tooManyWords(limit: Int)
    /// A sentence did not have the shape its first word promised (for example a reply with no type).
    case malformedSentence(String)

    public var description: String {
        switch self {
        case .controlByte(let byte):
            return "protocol error: control byte 0x\(String(byte, radix: 16, uppercase: true)) where a word length was expected"
        case .wordTooLong(let length, let limit):
            return "protocol error: word of \(length) bytes exceeds the limit of \(limit) bytes"
        case .sentenceTooLong(let limit):
            return "protocol error: sentence exceeds the limit of \(limit) bytes"
        case .tooManyWords(let limit):
            return "protocol error: sentence exceeds the limit of \(limit) words"
        case .malformedSentence(let why):
            return "protocol error: malformed sentence: \(why)"
        }
    }
}
