import Foundation
import NIOCore
import RouterOSAPI

/// The wire codec on a 10,000-rule `print`: encoding replies to bytes, and decoding the bytes
/// back to replies (framing and attribute parsing, what a client does with a print).
enum CodecBench {
    /// How many times the whole print is encoded or decoded per measurement.
    static let rounds = 5

    struct Result {
        let sentences: Int
        let bytes: Int
        let encode: Duration
        let decode: Duration
    }

    /// The bytes of `replies` as a router puts them on the wire.
    static func wire(_ replies: [Reply]) -> ByteBuffer {
        var buffer = ByteBufferAllocator().buffer(capacity: 0)
        for reply in replies { SentenceEncoder.encode(reply.sentence, into: &buffer) }
        return buffer
    }

    static func measure(_ replies: [Reply]) throws -> Result {
        let sentences = replies.map(\.sentence)
        let bytes = wire(replies)
        var encodedBytes = 0
        let encode = ContinuousClock().measure {
            for _ in 0..<rounds {
                var buffer = ByteBufferAllocator().buffer(capacity: bytes.readableBytes)
                for sentence in sentences { SentenceEncoder.encode(sentence, into: &buffer) }
                encodedBytes = buffer.readableBytes
            }
        }
        precondition(encodedBytes == bytes.readableBytes)
        var decodedReplies = 0
        let decode = try ContinuousClock().measure {
            for _ in 0..<rounds {
                var buffer = bytes
                var decoder = SentenceDecoder()
                decodedReplies = 0
                while let sentence = try decoder.decode(&buffer) {
                    _ = try Reply(parsing: sentence)
                    decodedReplies += 1
                }
            }
        }
        precondition(decodedReplies == replies.count)
        return Result(sentences: replies.count * rounds, bytes: bytes.readableBytes * rounds, encode: encode, decode: decode)
    }
}
