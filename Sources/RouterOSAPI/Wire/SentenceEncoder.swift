import NIOCore

/// Turns sentences into bytes: each word behind its length prefix, then a zero byte.
public enum SentenceEncoder {
    /// Appends the encoding of `sentence` to `buffer`.
    public static func encode(_ sentence: Sentence, into buffer: inout ByteBuffer) {
        var prefix: [UInt8] = []
        prefix.reserveCapacity(5)
        for word in sentence.words where !word.isEmpty {
            prefix.removeAll(keepingCapacity: true)
            WordLength.encode(word.bytes.count, into: &prefix)
            buffer.writeBytes(prefix)
            buffer.writeBytes(word.bytes)
        }
        buffer.writeInteger(UInt8(0))
    }

    /// The encoding of `sentence` as an array.
    public static func bytes(of sentence: Sentence) -> [UInt8] {
        var buffer = ByteBuffer()
        encode(sentence, into: &buffer)
        return Array(buffer.readableBytesView)
    }
}
