import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// A fake router that breaks the protocol on purpose, for the client's error paths: it answers
/// whatever arrives with fixed raw bytes and then, if asked, closes the connection. It keeps
/// every byte it received, to check what the client sent.
final class ScriptedServer: Sendable {
    private let channel: Channel
    let port: Int
    private let bytesReceived: NIOLockedValueBox<[UInt8]>

    /// Everything received so far, from every connection, as text.
    var received: String { String(decoding: bytesReceived.withLockedValue { $0 }, as: UTF8.self) }

    private final class Responder: ChannelInboundHandler, Sendable {
        typealias InboundIn = ByteBuffer
        typealias OutboundOut = ByteBuffer
        let reply: [UInt8]
        let close: Bool
        let received: NIOLockedValueBox<[UInt8]>

        init(reply: [UInt8], close: Bool, received: NIOLockedValueBox<[UInt8]>) {
            self.reply = reply
            self.close = close
            self.received = received
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let bytes = unwrapInboundIn(data).readableBytesView
            received.withLockedValue { $0 += bytes }
            let channel = context.channel
            let written = context.writeAndFlush(wrapOutboundOut(ByteBuffer(bytes: reply)))
            if close { written.whenComplete { _ in channel.close(promise: nil) } }
        }
    }

    /// Listens on 127.0.0.1; every read is answered with `reply`, then the connection closes when `thenClose`.
    init(reply: [UInt8], thenClose: Bool = false, group: EventLoopGroup = MultiThreadedEventLoopGroup.singleton) async throws {
        let received = NIOLockedValueBox<[UInt8]>([])
        bytesReceived = received
        channel = try await ServerBootstrap(group: group)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(Responder(reply: reply, close: thenClose, received: received))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        port = channel.localAddress!.port!
    }

    func stop() async {
        try? await channel.close()
    }
}
