import Foundation
@testable import MockRouter
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import RouterOSAPI
import Testing

/// Per-session backpressure and the timeouts that free a `max-sessions` slot.
@Suite struct SessionFlowTests {
    /// A plain-API connection that reads only when told to, counting the `!done`s it gets.
    final class SlowReader: ChannelInboundHandler, Sendable {
        typealias InboundIn = Sentence
        let dones = NIOLockedValueBox(0)
        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            if unwrapInboundIn(data).words.first?.string == "!done" { dones.withLockedValue { $0 += 1 } }
        }
    }

    func connect(_ port: Int, reader: SlowReader, reading: Bool) async throws -> Channel {
        try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelOption(.autoRead, value: reading)
            // A small fixed receive buffer, so the kernel cannot soak up what the router sends.
            .channelOption(.socketOption(.so_rcvbuf), value: 64 * 1024)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(SentenceFrameDecoder()))
                    try channel.pipeline.syncOperations.addHandler(MessageToByteHandler(SentenceFrameEncoder()))
                    try channel.pipeline.syncOperations.addHandler(reader)
                }
            }
            .connect(host: "127.0.0.1", port: port).get()
    }

    /// The bytes the router holds for its sessions' sockets.
    func bufferedBytes(_ router: TestRouter) async throws -> Int {
        var total = 0
        for channel in router.server.device.sessionChannels {
            total += try await channel.getOption(.bufferedWritableBytes).get()
        }
        return total
    }

    @Test func aClientThatDoesNotReadIsNotReadEither() async throws {
        try await withRouter { router in
            let reader = SlowReader()
            let channel = try await connect(router.server.apiPort!, reader: reader, reading: false)
            let commands = 5_000
            channel.write(Command("/login", ["name": TestRouter.user.name, "password": TestRouter.user.password]).sentence, promise: nil)
            // Each print of the defconf firewall is kilobytes: 5,000 unread are over 10 MB,
            // more than the kernel's socket buffers hold.
            for _ in 0..<commands { channel.write(Command("/ip/firewall/filter/print").sentence, promise: nil) }
            channel.flush()
            // Once the kernel's buffers are full (a few MB, in about a second), a router that kept
            // reading would buffer the rest itself.
            var held = 0
            for _ in 0..<30 where held < 1024 * 1024 {
                try await Task.sleep(for: .milliseconds(100))
                held = try await bufferedBytes(router)
            }
            #expect(held < 1024 * 1024, "the router buffers \(held) bytes for a client that reads nothing")

            // Once the client reads, every command is answered.
            try await channel.setOption(.autoRead, value: true).get()
            channel.read()
            #expect(await eventually(within: .seconds(30)) { reader.dones.withLockedValue { $0 } == commands + 1 })
            try await channel.close()
        }
    }

    @Test func connectionsThatNeverLogInGiveTheirSlotBack() async throws {
        let router = try await TestRouter.start(
            faults: FaultInjection(maxSessions: 2), limits: SessionLimits(loginTimeout: .seconds(3)))
        // Two sockets that never send (not even a TLS hello) take both slots.
        let opened = ContinuousClock.now
        let silent = try await [connect(router.server.apiSSLPort!, reader: SlowReader(), reading: true),
                                connect(router.server.apiSSLPort!, reader: SlowReader(), reading: true)]
        #expect(await eventually { router.server.device.sessionChannels.count == 2 })
        let third = try? await router.loggedIn()
        // (On a machine so loaded that the timeout passed meanwhile, the slots are free again.)
        if ContinuousClock.now - opened < .seconds(3) {
            #expect(third == nil, "both slots are taken")
        }
        await third?.close()
        // The login timeout closes them; then a client gets in.
        for channel in silent { try await channel.closeFuture.get() }
        #expect(await eventually { (try? await router.loggedIn()) != nil })
        try await router.stop()
    }

    @Test func anIdleSessionIsClosedButAListeningOneIsNot() async throws {
        let router = try await TestRouter.start(limits: SessionLimits(idleTimeout: .milliseconds(300)))
        let idle = try await RawSession(port: router.server.apiPort!)
        idle.send("/login", "=name=\(TestRouter.user.name)", "=password=\(TestRouter.user.password)")
        _ = await idle.readUntilDone()
        let listening = try await RawSession(port: router.server.apiPort!)
        listening.send("/login", "=name=\(TestRouter.user.name)", "=password=\(TestRouter.user.password)")
        _ = await listening.readUntilDone()
        listening.send("/ip/firewall/address-list/listen", ".tag=l")
        #expect(await idle.readUntilClosed().isEmpty)
        // The listener is still there: a change made elsewhere reaches it.
        let client = try await router.loggedIn()
        _ = try await client.execute(Command("/ip/firewall/address-list/add", ["list": "seen", "address": "192.0.2.9"]))
        let change = await listening.next()
        #expect(change?.attributes["list"] == "seen")
        await client.close()
        await listening.close()
        try await router.stop()
    }
}
