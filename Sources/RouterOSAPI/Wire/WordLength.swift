/// The variable-length prefix that precedes every word on the wire.
///
/// | length                    | bytes | first byte  |
/// |---------------------------|-------|-------------|
/// | `0x00 ... 0x7F`           | 1     | `0xxxxxxx`  |
/// | `0x80 ... 0x3FFF`         | 2     | `10xxxxxx`  |
/// | `0x4000 ... 0x1FFFFF`     | 3     | `110xxxxx`  |
/// | `0x200000 ... 0xFFFFFFF`  | 4     | `1110xxxx`  |
/// | `0x10000000 ... 0xFFFFFFFF` | 5   | `11110xxx` (`0xF0`, then 4 bytes) |
///
/// A first byte of `0xF8` or above is a control byte, not a length.
public enum WordLength {
    /// The largest length the 5-byte form carries.
    public static let maximum: UInt64 = 0xFFFF_FFFF

    /// The number of prefix bytes needed for `length`.
    public static func prefixSize(of length: Int) -> Int {
        switch length {
        case ..<0x80: return 1
        case ..<0x4000: return 2
        case ..<0x20_0000: return 3
        case ..<0x1000_0000: return 4
        default: return 5
        }
    }

    /// Appends the prefix for `length` to `bytes`.
    /// - Precondition: `0 <= length <= 0xFFFFFFFF`; callers check against their limits first.
    public static func encode(_ length: Int, into bytes: inout [UInt8]) {
        precondition(length >= 0 && UInt64(length) <= maximum, "word length out of range")
        let value = UInt32(truncatingIfNeeded: length)
        switch prefixSize(of: length) {
        case 1:
            bytes.append(UInt8(value))
        case 2:
            let v = value | 0x8000
            bytes.append(contentsOf: [UInt8(v >> 8), UInt8(v & 0xFF)])
        case 3:
            let v = value | 0xC0_0000
            bytes.append(contentsOf: [UInt8(v >> 16), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)])
        case 4:
            let v = value | 0xE000_0000
            bytes.append(contentsOf: [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)])
        default:
            bytes.append(contentsOf: [0xF0, UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)])
        }
    }

    /// The result of reading a prefix.
    public enum Decoded: Equatable, Sendable {
        /// The prefix is complete: the word has `length` bytes and the prefix took `prefixSize` bytes.
        case length(UInt64, prefixSize: Int)
        /// More bytes are needed to know the length.
        case needMoreBytes
    }

    /// Reads a prefix from the start of `bytes`.
    /// - Throws: ``ProtocolError/controlByte(_:)`` when the first byte is `0xF8` or above.
    public static func decode<Bytes: RandomAccessCollection>(_ bytes: Bytes) throws(ProtocolError) -> Decoded
    where Bytes.Element == UInt8 {
        guard let first = bytes.first else { return .needMoreBytes }
        let size: Int
        var value: UInt64
        switch first {
        case ..<0x80: return .length(UInt64(first), prefixSize: 1)
        case ..<0xC0: size = 2; value = UInt64(first & 0x3F)
        case ..<0xE0: size = 3; value = UInt64(first & 0x1F)
        case ..<0xF0: size = 4; value = UInt64(first & 0x0F)
        case ..<0xF8: size = 5; value = 0
        default: throw .controlByte(first)
        }
        guard bytes.count >= size else { return .needMoreBytes }
        var index = bytes.index(after: bytes.startIndex)
        for _ in 1..<size {
            value = (value << 8) | UInt64(bytes[index])
            index = bytes.index(after: index)
        }
        return .length(value, prefixSize: size)
    }
}
