import NIOPosix
import RouterOSAPI
import Testing

/// Streams against a router that talks faster than its consumer listens, and consumers that stop early.
@Suite(.timeLimit(.minutes(5))) struct ClientStreamTests {
    @Test func aSlowConsumerOfAHundredThousandRowsHoldsBoundedRows() async throws {
        let count = 100_000
        let padding = String(repeating: "x", count: 160)
        var bytes: [UInt8] = []
        for index in 0..<count {
            let row = Reply(.re, attributes: [Attribute(".id", "*\(index)"), Attribute("comment", padding)], tag: "1")
            bytes += SentenceEncoder.bytes(of: row.sentence)
        }
        bytes += SentenceEncoder.bytes(of: Reply.done(tag: "1").sentence)
        // A loop of its own, so that the burst does not hold up the other suites' routers.
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let server = try await ScriptedServer(reply: bytes, group: group)
        let limits = ReplyLimits(maximumRows: 1_000_000, maximumBytes: 256 << 20, streamHighWater: 500, streamLowWater: 100)
        let client = try await RouterOSClient.connect(.init(host: "127.0.0.1", port: server.port, tls: .plain, replyLimits: limits),
                                                      eventLoopGroup: group)
        let stream = client.stream(Command("/ip/firewall/filter/print"))
        var received = 0
        var inOrder = true
        var mostBuffered = 0
        for try await row in stream {
            inOrder = inOrder && row[".id"] == "*\(received)"
            received += 1
            mostBuffered = max(mostBuffered, stream.bufferedRows)
            // Stops listening for a while now and then: without backpressure, whatever the router
            // sends meanwhile would wait here (tens of thousands of rows).
            if received % 25_000 == 1 { try await Task.sleep(for: .seconds(1)) }
        }
        #expect(received == count)
        #expect(inOrder)
        // The high-water mark, plus what one read of the socket (at most 256 KiB) had already brought.
        #expect(mostBuffered <= 500 + 1_500, "at most \(mostBuffered) rows waited")
        #expect(mostBuffered > 500, "the consumer never fell behind: the test proves nothing")
        await client.close()
        await server.stop()
        try await group.shutdownGracefully()
    }

    @Test func endingAStreamEarlySendsCancelForItsTag() async throws {
        let rows = (0..<3).flatMap { SentenceEncoder.bytes(of: Reply(.re, attributes: [Attribute("n", "\($0)")], tag: "1").sentence) }
        let server = try await ScriptedServer(reply: rows)
        let client = try await RouterOSClient.connect(.init(host: "127.0.0.1", port: server.port, tls: .plain))
        func firstRow() async throws -> Row? {
            for try await row in client.stream(Command("/log/listen")) { return row }
            return nil
        }
        #expect(try await firstRow()?["n"] == "0")
        #expect(await eventually { server.received.contains("/cancel") && server.received.contains("=tag=1") }, "\(server.received)")
        #expect(client.isConnected)
        await client.close()
        await server.stop()
    }
}
