import NIOCore

/// Splits a byte stream into sentences.
///
/// Pure: it reads from a buffer it is handed and performs no I/O. When the buffer does
/// not yet hold a whole sentence, ``decode(_:)`` returns `nil` and keeps what it has
/// consumed, so the caller simply appends more bytes and calls again. Empty sentences
/// (a lone zero-length word) are skipped, as RouterOS does.
public struct SentenceDecoder: Sendable {
    public let limits: WireLimits
    private var words: [Word] = []
    private var sentenceBytes = 0

    public init(limits: WireLimits = .default) {
        self.limits = limits
    }

    /// Consumes whole words from `buffer` and returns the first complete sentence.
    /// - Returns: `nil` when more bytes are needed.
    /// - Throws: ``ProtocolError`` for a control byte or a limit exceeded; the stream is then unusable.
    public mutating func decode(_ buffer: inout ByteBuffer) throws(ProtocolError) -> Sentence? {
        while true {
            let view = buffer.readableBytesView
            guard case .length(let length, let prefixSize) = try WordLength.decode(view) else {
                return nil
            }
            guard length <= UInt64(limits.maximumWordBytes) else {
                throw .wordTooLong(length: length, limit: limits.maximumWordBytes)
            }
            let wordLength = Int(length)
            guard view.count >= prefixSize + wordLength else { return nil }
            buffer.moveReaderIndex(forwardBy: prefixSize)
            if wordLength == 0 {
                guard !words.isEmpty else { continue }
                defer { words = []; sentenceBytes = 0 }
                return Sentence(words)
            }
            sentenceBytes += wordLength
            guard sentenceBytes <= limits.maximumSentenceBytes else {
                throw .sentenceTooLong(limit: limits.maximumSentenceBytes)
            }
            guard words.count < limits.maximumWordsPerSentence else {
                throw .tooManyWords(limit: limits.maximumWordsPerSentence)
            }
            words.append(Word(bytes: buffer.readBytes(length: wordLength)!))
        }
    }

    /// True when a sentence has started but not yet ended (useful to detect truncation at EOF).
    public var hasPartialSentence: Bool { !words.isEmpty }
}
