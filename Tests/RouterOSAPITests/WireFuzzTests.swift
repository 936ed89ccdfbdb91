import FuzzSupport
import NIOCore
import Testing
@testable import RouterOSAPI

/// The word/sentence decoder under random and mutated byte streams, fed whole and in random
/// chunks: it never crashes or hangs, keeps no more than the ``WireLimits`` allow, and gives the
/// same sentences and the same error however the bytes arrive. What it decodes then goes through
/// the command, reply and query parsers and the query evaluator, which must not crash either.
struct WireFuzzTests {
    /// Small limits, so streams of a few hundred bytes reach every limit.
    static let limits = WireLimits(maximumWordBytes: 200, maximumSentenceBytes: 600, maximumWordsPerSentence: 12)

    /// What decoding a stream produced: the sentences, then the error that ended it (if any).
    struct Outcome: Equatable {
        var sentences: [Sentence] = []
        var error: ProtocolError?
    }

    /// Feeds `bytes` in chunks of the given sizes (all at once when empty), decoding after each.
    static func decode(_ bytes: [UInt8], chunks: [Int]) -> Outcome {
        var decoder = SentenceDecoder(limits: limits)
        var buffer = ByteBuffer()
        var outcome = Outcome()
        var offset = 0
        let sizes = chunks.isEmpty ? [bytes.count] : chunks
        var chunk = 0
        while offset < bytes.count || chunk == 0 {
            let size = max(1, sizes[chunk % sizes.count])
            chunk += 1
            buffer.writeBytes(bytes[offset..<min(bytes.count, offset + size)])
            offset = min(bytes.count, offset + size)
            // A call that returns a sentence consumes at least its terminating byte: no hang.
            var calls = 0
            while true {
                calls += 1
                guard calls <= bytes.count + 1 else {
                    Issue.record("the decoder returned sentences without consuming bytes")
                    return outcome
                }
                do {
                    guard let sentence = try decoder.decode(&buffer) else { break }
                    outcome.sentences.append(sentence)
                } catch {
                    outcome.error = error
                    return outcome
                }
            }
            // What the caller must keep is at most one word in flight: prefix plus the largest word.
            #expect(buffer.readableBytes <= 5 + limits.maximumWordBytes)
        }
        return outcome
    }

    static func randomWord(using generator: inout SeededGenerator) -> Word {
        let starts = ["/ip/address/print", "=name=", "?#", "?=", "?<mtu=", ".tag=", "!re", "!done", "!trap", "=.proplist=", "=", "?", ""]
        var bytes = Array(starts.randomElement(using: &generator)!.utf8)
        for _ in 0..<Int.random(in: 0...24, using: &generator) {
            bytes.append(Bool.random(using: &generator) ? UInt8.random(in: 0x20...0x7E, using: &generator) : UInt8.random(in: 0...255, using: &generator))
        }
        if Int.random(in: 0..<8, using: &generator) == 0 {
            bytes += [UInt8](repeating: 0x41, count: Int.random(in: 100...260, using: &generator))
        }
        return Word(bytes: bytes)
    }

    static func randomStream(using generator: inout SeededGenerator) -> [UInt8] {
        switch Int.random(in: 0..<4, using: &generator) {
        case 0:
            return (0..<Int.random(in: 0...300, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
        default:
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                let words = (0..<Int.random(in: 0...14, using: &generator)).map { _ in randomWord(using: &generator) }
                bytes += SentenceEncoder.bytes(of: Sentence(words))
            }
            return Int.random(in: 0..<3, using: &generator) == 0 ? bytes : Mutator().mutate(bytes, using: &generator)
        }
    }

    /// Every parser above the wire takes what the decoder gives without crashing.
    static func parseEverything(_ sentence: Sentence) {
        _ = try? Reply(parsing: sentence)
        if let command = try? Command(parsing: sentence) {
            _ = command.description
            let item: [String: String] = ["mtu": "1500", "name": "ether1", ".id": "*1"]
            _ = QueryEvaluator(command.queries).matches { item[$0] }
        }
    }

    @Test func decoderSurvivesRandomAndMutatedStreams() {
        let run = FuzzRun("wire decoder", defaultSeed: 0x5EED_0001, cases: 5000)
        var generator = run.generator
        for index in 0..<run.cases {
            let bytes = Self.randomStream(using: &generator)
            let whole = Self.decode(bytes, chunks: [])
            let chunks = (0..<Int.random(in: 1...6, using: &generator)).map { _ in Int.random(in: 1...64, using: &generator) }
            let chunked = Self.decode(bytes, chunks: chunks)
            #expect(chunked == whole, "case \(index) of seed \(run.seed): chunks \(chunks) changed the outcome")
            for sentence in whole.sentences {
                #expect(sentence.words.count <= Self.limits.maximumWordsPerSentence)
                #expect(sentence.words.allSatisfy { !$0.isEmpty && $0.bytes.count <= Self.limits.maximumWordBytes })
                #expect(sentence.words.reduce(0) { $0 + $1.bytes.count } <= Self.limits.maximumSentenceBytes)
                Self.parseEverything(sentence)
            }
        }
    }

    /// A length prefix promising more than the limit is refused at once, before its bytes arrive.
    @Test func oversizedLengthIsRefusedBeforeItsBytesArrive() {
        let prefixes: [([UInt8], UInt64)] = [([0xF0, 0xFF, 0xFF, 0xFF, 0xFF], 0xFFFF_FFFF), ([0xE0, 0x20, 0x00, 0x00], 0x20_0000), ([0x80, 0xC9], 201)]
        for (prefix, length) in prefixes {
            #expect(Self.decode(prefix, chunks: [1]).error == .wordTooLong(length: length, limit: 200))
        }
    }
}
