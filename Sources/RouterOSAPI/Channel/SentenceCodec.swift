import NIOCore

/// Decodes the plaintext byte stream into ``Sentence``s.
public struct SentenceFrameDecoder: ByteToMessageDecoder {
    public typealias InboundOut = Sentence

    private var decoder: SentenceDecoder

    public init(limits: WireLimits = .default) {
        decoder = SentenceDecoder(limits: limits)
    }

    public mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let sentence = try decoder.decode(&buffer) else { return .needMoreData }
        context.fireChannelRead(wrapInboundOut(sentence))
        return .continue
    }

    /// Decodes what is left; at end of file, a sentence (or word) begun but not ended is a
    /// ``ProtocolError/malformedSentence(_:)``: the peer closed in the middle of it.
    public mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        while try decode(context: context, buffer: &buffer) == .continue {}
        if seenEOF, decoder.hasPartialSentence || buffer.readableBytes > 0 {
            throw ProtocolError.malformedSentence("connection closed in the middle of a sentence")
        }
        return .needMoreData
    }
}

/// Encodes outgoing ``Sentence``s.
public struct SentenceFrameEncoder: MessageToByteEncoder {
    public typealias OutboundIn = Sentence

    public init() {}

    public func encode(data: Sentence, out: inout ByteBuffer) {
        SentenceEncoder.encode(data, into: &out)
    }
}
