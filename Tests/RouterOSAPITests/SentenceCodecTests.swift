import NIOCore
import Testing
@testable import RouterOSAPI

struct SentenceCodecTests {
    /// `/login =name=admin`, as ROUTEROS.md §1 gives it byte for byte.
    static let loginBytes: [UInt8] = [0x06] + Array("/login".utf8) + [0x0B] + Array("=name=admin".utf8) + [0x00]

    @Test func encodesDocumentedLoginExample() {
        let sentence = Sentence(["/login", "=name=admin"])
        #expect(SentenceEncoder.bytes(of: sentence) == Self.loginBytes)
    }

    /// Words whose lengths sit on both edges of each length class.
    static let edgeLengths = [0x7F, 0x80, 0x3FFF, 0x4000, 0x1F_FFFF, 0x20_0000]

    static func sentences() -> [Sentence] {
        var result = [Sentence(["/login", "=name=admin", "=password=x=y=z"])]
        for length in edgeLengths {
            let filler = Word(bytes: (0..<length).map { UInt8(truncatingIfNeeded: $0 | 1) })
            result.append(Sentence(["/system/script/add", filler]))
        }
        // Not UTF-8, and an `=` inside the value.
        result.append(Sentence([Word("!re"), Word(bytes: Array("=comment=".utf8) + [0xFF, 0xFE, 0x3D, 0x00, 0x80])]))
        return result
    }

    static func encodeAll(_ sentences: [Sentence]) -> [UInt8] {
        sentences.flatMap(SentenceEncoder.bytes(of:))
    }

    @Test func lengthPrefixesOfEdgeWordsAreExact() {
        for (length, expectedPrefix) in zip(Self.edgeLengths, [[0x7F], [0x80, 0x80], [0xBF, 0xFF], [0xC0, 0x40, 0x00], [0xDF, 0xFF, 0xFF], [0xE0, 0x20, 0x00, 0x00]] as [[UInt8]]) {
            let bytes = SentenceEncoder.bytes(of: Sentence([Word(bytes: [UInt8](repeating: 0x41, count: length))]))
            #expect(Array(bytes.prefix(expectedPrefix.count)) == expectedPrefix)
            #expect(bytes.count == expectedPrefix.count + length + 1)
            #expect(bytes.last == 0)
        }
    }

    @Test func decodesConcatenatedSentencesFedWhole() throws {
        let sentences = Self.sentences()
        var buffer = ByteBuffer(bytes: Self.encodeAll(sentences))
        var decoder = SentenceDecoder()
        var decoded: [Sentence] = []
        while let sentence = try decoder.decode(&buffer) { decoded.append(sentence) }
        #expect(decoded == sentences)
        #expect(buffer.readableBytes == 0)
    }

    @Test func decodesByteByByte() throws {
        let sentences = Array(Self.sentences().prefix(4))  // the multi-megabyte ones make byte-by-byte slow
        var decoder = SentenceDecoder()
        var buffer = ByteBuffer()
        var decoded: [Sentence] = []
        for byte in Self.encodeAll(sentences) {
            buffer.writeInteger(byte)
            if let sentence = try decoder.decode(&buffer) { decoded.append(sentence) }
        }
        #expect(decoded == sentences)
    }

    @Test func decodesInRandomChunks() throws {
        let sentences = Self.sentences()
        let bytes = Self.encodeAll(sentences)
        var generator = SystemRandomNumberGenerator()
        var decoder = SentenceDecoder()
        var buffer = ByteBuffer()
        var decoded: [Sentence] = []
        var offset = 0
        while offset < bytes.count {
            let size = min(Int.random(in: 1...70_000, using: &generator), bytes.count - offset)
            buffer.writeBytes(bytes[offset..<offset + size])
            offset += size
            while let sentence = try decoder.decode(&buffer) { decoded.append(sentence) }
        }
        #expect(decoded == sentences)
    }

    @Test func truncatedInputNeedsMoreBytes() throws {
        var decoder = SentenceDecoder()
        var buffer = ByteBuffer(bytes: Self.loginBytes.dropLast())
        #expect(try decoder.decode(&buffer) == nil)
        #expect(decoder.hasPartialSentence)
        buffer.writeInteger(UInt8(0))
        #expect(try decoder.decode(&buffer) == Sentence(["/login", "=name=admin"]))
    }

    @Test func emptySentencesAreSkipped() throws {
        var decoder = SentenceDecoder()
        var buffer = ByteBuffer(bytes: [0x00, 0x00] + Self.loginBytes)
        #expect(try decoder.decode(&buffer) == Sentence(["/login", "=name=admin"]))
    }

    @Test func oversizedWordIsRefusedBeforeItArrives() {
        var decoder = SentenceDecoder(limits: WireLimits(maximumWordBytes: 1024, maximumSentenceBytes: 4096, maximumWordsPerSentence: 16))
        var buffer = ByteBuffer(bytes: [0xF0, 0xFF, 0xFF, 0xFF, 0xFF])  // announces 4 GiB, sends nothing
        #expect(throws: ProtocolError.wordTooLong(length: 0xFFFF_FFFF, limit: 1024)) {
            try decoder.decode(&buffer)
        }
    }

    @Test func sentenceLimitsAreEnforced() {
        let limits = WireLimits(maximumWordBytes: 100, maximumSentenceBytes: 150, maximumWordsPerSentence: 3)
        var tooLong = ByteBuffer(bytes: SentenceEncoder.bytes(of: Sentence([Word(String(repeating: "a", count: 100)), Word(String(repeating: "b", count: 60))])))
        var decoder = SentenceDecoder(limits: limits)
        #expect(throws: ProtocolError.sentenceTooLong(limit: 150)) { try decoder.decode(&tooLong) }

        var tooMany = ByteBuffer(bytes: SentenceEncoder.bytes(of: Sentence(["a", "b", "c", "d"])))
        decoder = SentenceDecoder(limits: limits)
        #expect(throws: ProtocolError.tooManyWords(limit: 3)) { try decoder.decode(&tooMany) }
    }

    @Test func controlByteInStreamIsAProtocolError() {
        var decoder = SentenceDecoder()
        var buffer = ByteBuffer(bytes: [0x03] + Array("abc".utf8) + [0xF8])
        #expect(throws: ProtocolError.controlByte(0xF8)) { try decoder.decode(&buffer) }
    }
}
