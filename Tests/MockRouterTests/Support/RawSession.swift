import NIOCore
import NIOPosix
import RouterOSAPI

/// A wire-level session over the plain API: send sentences, read reply sentences as they come.
/// For asserting exactly what the mock puts on the wire (`!empty`, trap order, tags).
actor RawSession {
    private let channel: Channel
    private var replies: AsyncStream<Reply>.AsyncIterator

    private final class Collector: ChannelInboundHandler, Sendable {
        typealias InboundIn = Sentence
        let continuation: AsyncStream<Reply>.Continuation
        init(_ continuation: AsyncStream<Reply>.Continuation) { self.continuation = continuation }
        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            if let reply = try? Reply(parsing: unwrapInboundIn(data)) { continuation.yield(reply) }
        }
        func channelInactive(context: ChannelHandlerContext) { continuation.finish() }
    }

    init(port: Int, group: EventLoopGroup = MultiThreadedEventLoopGroup.singleton) async throws {
        let (stream, continuation) = AsyncStream<Reply>.makeStream()
        replies = stream.makeAsyncIterator()
        channel = try await ClientBootstrap(group: group)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(SentenceFrameDecoder()))
                    try channel.pipeline.syncOperations.addHandler(MessageToByteHandler(SentenceFrameEncoder()))
                    try channel.pipeline.syncOperations.addHandler(Collector(continuation))
                }
            }
            .connect(host: "127.0.0.1", port: port).get()
    }

    nonisolated func send(_ words: Word...) {
        channel.writeAndFlush(Sentence(words), promise: nil)
    }

    /// Sends `sentences` in one flush, so they reach the router in one read.
    nonisolated func sendTogether(_ sentences: [Sentence]) {
        let channel = channel
        channel.eventLoop.execute {
            for sentence in sentences { channel.write(sentence, promise: nil) }
            channel.flush()
        }
    }

    /// Reads replies until one is `!done` with `tag` (or any `!done` when nil), or the connection ends.
    func readUntilDone(tag: String? = nil) async -> [Reply] {
        var collected: [Reply] = []
        while let reply = await next() {
            collected.append(reply)
            if reply.kind == .fatal { continue }
            if reply.kind == .done, tag == nil || reply.tag == tag { break }
        }
        return collected
    }

    /// Every reply until the router closes the connection.
    func readUntilClosed() async -> [Reply] {
        var collected: [Reply] = []
        while let reply = await next() { collected.append(reply) }
        return collected
    }

    /// The next reply, or nil when the connection has ended.
    func next() async -> Reply? {
        var iterator = replies
        let reply = await iterator.next(isolation: self)
        replies = iterator
        return reply
    }

    func close() async {
        try? await channel.close()
    }
}
