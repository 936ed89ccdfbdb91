import NIOCore
import NIOPosix

/// A fake router that breaks the protocol on purpose, for the client's error paths: it answers
/// whatever arrives with fixed raw bytes and then, if asked, closes the connection.
final class ScriptedServer: Sendable {
    private let channel: Channel
    let port: Int

    private final class Responder: ChannelInboundHandler, Sendable {
        typealias InboundIn = ByteBuffer
        typealias OutboundOut = ByteBuffer
        let reply: [UInt8]
        let close: Bool

        init(reply: [UInt8], close: Bool) {
            self.reply = reply
            self.close = close
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let channel = context.channel
            let written = context.writeAndFlush(wrapOutboundOut(ByteBuffer(bytes: reply)))
            if close { written.whenComplete { _ in channel.close(promise: nil) } }
        }
    }

    /// Listens on 127.0.0.1; every read is answered with `reply`, then the connection closes when `thenClose`.
    init(reply: [UInt8], thenClose: Bool = false) async throws {
        channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(Responder(reply: reply, close: thenClose))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        port = channel.localAddress!.port!
    }

    func stop() async {
        try? await channel.close()
    }
}
