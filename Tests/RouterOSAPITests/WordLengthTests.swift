import Testing
@testable import RouterOSAPI

/// Byte-exact length prefixes at both edges of every length class (ROUTEROS.md §1).
struct WordLengthTests {
    static let vectors: [(Int, [UInt8])] = [
        (0x00, [0x00]),
        (0x01, [0x01]),
        (0x7F, [0x7F]),
        (0x80, [0x80, 0x80]),
        (0x100, [0x81, 0x00]),
        (0x3FFF, [0xBF, 0xFF]),
        (0x4000, [0xC0, 0x40, 0x00]),
        (0x1F_FFFF, [0xDF, 0xFF, 0xFF]),
        (0x20_0000, [0xE0, 0x20, 0x00, 0x00]),
        (0xFFF_FFFF, [0xEF, 0xFF, 0xFF, 0xFF]),
        (0x1000_0000, [0xF0, 0x10, 0x00, 0x00, 0x00]),
        (0xFFFF_FFFF, [0xF0, 0xFF, 0xFF, 0xFF, 0xFF]),
    ]

    @Test(arguments: vectors)
    func encodes(length: Int, expected: [UInt8]) {
        var bytes: [UInt8] = []
        WordLength.encode(length, into: &bytes)
        #expect(bytes == expected)
        #expect(WordLength.prefixSize(of: length) == expected.count)
    }

    @Test(arguments: vectors)
    func decodes(length: Int, bytes: [UInt8]) throws {
        #expect(try WordLength.decode(bytes) == .length(UInt64(length), prefixSize: bytes.count))
        // Every proper prefix of the prefix asks for more bytes.
        for cut in 0..<bytes.count {
            #expect(try WordLength.decode(bytes.prefix(cut)) == .needMoreBytes)
        }
    }

    @Test func fiveByteFormIgnoresLowBitsOfF0toF7() throws {
        #expect(try WordLength.decode([0xF7, 0x00, 0x00, 0x01, 0x00]) == .length(0x100, prefixSize: 5))
    }

    @Test(arguments: Array(UInt8(0xF8)...UInt8(0xFF)))
    func controlBytesAreRefused(byte: UInt8) {
        #expect(throws: ProtocolError.controlByte(byte)) {
            try WordLength.decode([byte, 0, 0, 0, 0])
        }
    }
}
