import NIOCore
import NIOEmbedded
import Testing
@testable import RouterOSAPI

/// The channel handler performs what the state machine decides: writes, completions, timers, closing.
struct CommandRouterTests {
    static let target = RouterAddress(host: "192.0.2.1", port: 8728)

    /// The ``RouterOSError`` `promise` failed with.
    static func routerError(of promise: EventLoopPromise<Response>) throws -> RouterOSError {
        try #require(error(of: promise) as? RouterOSError)
    }

    static func channel(commandTimeout: Duration? = nil, limits: ReplyLimits = .default) throws -> EmbeddedChannel {
        let channel = EmbeddedChannel()
        try channel.pipeline.syncOperations.addHandler(CommandRouter(target: Self.target, commandTimeout: commandTimeout, limits: limits))
        try channel.connect(to: SocketAddress(ipAddress: "192.0.2.1", port: 8728)).wait()
        return channel
    }

    /// Sends `path` tagged `tag` for a collecting caller and returns its promise.
    static func execute(_ path: String, tag: String, on channel: EmbeddedChannel, timeout: Duration? = nil) -> EventLoopPromise<Response> {
        let promise = channel.eventLoop.makePromise(of: Response.self)
        channel.writeAndFlush(ClientRequest.send(PendingCommand(command: Command(path, tag: tag), caller: .collect(promise), timeout: timeout)), promise: nil)
        return promise
    }

    static func error(of promise: EventLoopPromise<Response>) -> Error? {
        do {
            _ = try promise.futureResult.wait()
            return nil
        } catch {
            return error
        }
    }

    @Test func aCommandIsWrittenAndItsDoneCompletesIt() throws {
        let channel = try Self.channel()
        let promise = Self.execute("/system/identity/print", tag: "1", on: channel)
        #expect(try channel.readOutbound(as: Sentence.self) == Command("/system/identity/print", tag: "1").sentence)
        try channel.writeInbound(Reply(.re, attributes: [Attribute("name", "MikroTik")], tag: "1").sentence)
        try channel.writeInbound(Reply.done(tag: "1").sentence)
        #expect(try promise.futureResult.wait().rows == [Row([Attribute("name", "MikroTik")])])
        #expect(channel.isActive)
        _ = try channel.finish()
    }

    @Test func theTimerFailsTheCommandAndALateDoneKeepsTheConnection() throws {
        let channel = try Self.channel(commandTimeout: .seconds(60))
        let promise = Self.execute("/system/identity/print", tag: "1", on: channel, timeout: .milliseconds(200))
        var completed = false
        promise.futureResult.assumeIsolated().whenComplete { _ in completed = true }
        channel.embeddedEventLoop.advanceTime(by: .milliseconds(199))
        #expect(!completed)
        channel.embeddedEventLoop.advanceTime(by: .milliseconds(1))
        let error = try Self.routerError(of: promise)
        #expect(error.code == .timedOut && error.stage == .command && error.command == "/system/identity/print")
        #expect(error.target == Self.target && error.timeout == .milliseconds(200))
        #expect("\(error)".hasPrefix("192.0.2.1:8728 did not finish /system/identity/print within 0.2s; "))
        try channel.writeInbound(Reply.done(tag: "1").sentence)
        #expect(channel.isActive)
        _ = try channel.finish()
    }

    @Test func theConnectionsTimeoutAppliesWhenTheCommandHasNone() throws {
        let channel = try Self.channel(commandTimeout: .seconds(1))
        let promise = Self.execute("/system/identity/print", tag: "1", on: channel)
        channel.embeddedEventLoop.advanceTime(by: .seconds(1))
        let error = try Self.routerError(of: promise)
        #expect(error.code == .timedOut && error.command == "/system/identity/print" && error.timeout == .seconds(1))
        _ = try channel.finish()
    }

    @Test func aDoneStopsTheTimer() throws {
        let channel = try Self.channel()
        let promise = Self.execute("/system/identity/print", tag: "1", on: channel, timeout: .seconds(1))
        try channel.writeInbound(Reply.done(tag: "1").sentence)
        channel.embeddedEventLoop.advanceTime(by: .seconds(2))
        #expect(try promise.futureResult.wait().rows.isEmpty)
        // Had the timer fired, the tag would be held (abandoned) and the `!done` below a protocol error.
        let next = Self.execute("/system/identity/print", tag: "1", on: channel)
        try channel.writeInbound(Reply.done(tag: "1").sentence)
        #expect(try next.futureResult.wait().rows.isEmpty)
        _ = try channel.finish()
    }

    @Test func cancellingACommandFailsItAndWritesCancel() throws {
        let channel = try Self.channel()
        let promise = Self.execute("/tool/fetch", tag: "1", on: channel)
        _ = try channel.readOutbound(as: Sentence.self)
        channel.writeAndFlush(ClientRequest.cancel(tag: "1"), promise: nil)
        #expect(Self.error(of: promise) is CancellationError)
        #expect(try channel.readOutbound(as: Sentence.self) == Command("/cancel", ["tag": "1"], tag: "cancel-1").sentence)
        try channel.writeInbound(Reply.trap("interrupted", category: .interrupted, tag: "1").sentence)
        try channel.writeInbound(Reply.done(tag: "cancel-1").sentence)
        try channel.writeInbound(Reply.done(tag: "1").sentence)
        #expect(channel.isActive)
        _ = try channel.finish()
    }

    @Test func aReplyForATagNobodyHoldsFailsTheCommandsAndCloses() throws {
        let channel = try Self.channel()
        let promise = Self.execute("/system/identity/print", tag: "1", on: channel)
        try channel.writeInbound(Reply.done(tag: "2").sentence)
        let error = try Self.routerError(of: promise)
        #expect(error.code == .connectionLost && error.command == "/system/identity/print")
        #expect(error.reason == "protocol error: malformed sentence: !done for tag 2, which no command in flight holds")
        #expect(error.underlying is ProtocolError)
        #expect(!channel.isActive)
    }

    @Test func anUnreadableReplyFailsTheCommandsAndCloses() throws {
        let channel = try Self.channel()
        let promise = Self.execute("/system/identity/print", tag: "1", on: channel)
        try channel.writeInbound(Sentence(["done", ".tag=1"]))
        let error = try Self.routerError(of: promise)
        #expect(error.code == .connectionLost)
        #expect(error.reason?.hasPrefix("protocol error: malformed sentence: reply does not start with a '!' word") == true)
        #expect(!channel.isActive)
    }

    @Test func fatalFailsTheCommandsAndCloses() throws {
        let channel = try Self.channel()
        let promise = Self.execute("/system/identity/print", tag: "1", on: channel)
        try channel.writeInbound(Reply.fatal("not logged in").sentence)
        let error = try Self.routerError(of: promise)
        #expect(error.code == .fatal && error.reason == "not logged in")
        #expect("\(error)" == "192.0.2.1:8728 closed the connection: not logged in")
        #expect(!channel.isActive)
    }

    @Test func closingFailsTheCommandsInFlightAndLaterOnes() throws {
        let channel = try Self.channel()
        let promise = Self.execute("/system/identity/print", tag: "1", on: channel)
        try channel.close().wait()
        let error = try Self.routerError(of: promise)
        #expect(error.code == .connectionLost && error.command == "/system/identity/print" && error.reason == "connection closed by the client")
        let late = channel.eventLoop.makePromise(of: Void.self)
        let response = channel.eventLoop.makePromise(of: Response.self)
        channel.writeAndFlush(ClientRequest.send(PendingCommand(command: Command("/x", tag: "2"), caller: .collect(response), timeout: nil)), promise: late)
        #expect(throws: (any Error).self) { try late.futureResult.wait() }
        response.fail(CancellationError())
    }

    @Test func aDuplicateTagFailsOnlyTheWrite() throws {
        let channel = try Self.channel()
        let first = Self.execute("/system/identity/print", tag: "1", on: channel)
        let write = channel.eventLoop.makePromise(of: Void.self)
        let second = channel.eventLoop.makePromise(of: Response.self)
        channel.writeAndFlush(ClientRequest.send(PendingCommand(command: Command("/x", tag: "1"), caller: .collect(second), timeout: nil)), promise: write)
        #expect { try write.futureResult.wait() } throws: { error in
            let error = error as? RouterOSError
            return error?.code == .tagInUse && error?.command == "/x" && error?.reason == "tag 1 is already in flight"
        }
        second.fail(CancellationError())
        try channel.writeInbound(Reply.done(tag: "1").sentence)
        #expect(try first.futureResult.wait().rows.isEmpty)
        _ = try channel.finish()
    }

    @Test func aConsumerPastTheHighWaterMarkHoldsReadsBackUntilItDrains() throws {
        let channel = try Self.channel()
        let reads = ReadCounter()
        try channel.pipeline.syncOperations.addHandler(reads, position: .first)
        let (rows, continuation) = AsyncThrowingStream<Row, Error>.makeStream()
        let demand = StreamDemand(highWater: 2, lowWater: 1)
        let feed = StreamFeed(continuation: continuation, demand: demand)
        channel.writeAndFlush(ClientRequest.send(PendingCommand(command: Command("/log/listen", tag: "1"), caller: .stream(feed), timeout: nil)), promise: nil)
        for index in 0..<3 {
            try channel.writeInbound(Reply(.re, attributes: [Attribute("n", "\(index)")], tag: "1").sentence)
        }
        #expect(demand.isBackedUp)
        channel.read()
        #expect(reads.count == 0, "a read passed while the consumer was 3 rows behind")
        // The consumer takes two rows (down to the low-water mark) and says so.
        #expect(!demand.rowTaken())
        #expect(demand.rowTaken())
        channel.writeAndFlush(ClientRequest.streamDrained(tag: "1", demand), promise: nil)
        #expect(reads.count == 1, "the held read was not issued")
        channel.read()
        #expect(reads.count == 2)
        _ = rows
        _ = try channel.finish()
    }

    @Test func aStreamWhoseConsumerFallsBehindFailsAndIsCancelled() async throws {
        let channel = try Self.channel(limits: ReplyLimits(maximumRows: 2, maximumBytes: 1 << 20))
        let (rows, continuation) = AsyncThrowingStream<Row, Error>.makeStream(bufferingPolicy: .bufferingOldest(2))
        let feed = StreamFeed(continuation: continuation, demand: StreamDemand(highWater: 10, lowWater: 5))
        channel.writeAndFlush(ClientRequest.send(PendingCommand(command: Command("/log/listen", tag: "1"), caller: .stream(feed), timeout: nil)), promise: nil)
        _ = try channel.readOutbound(as: Sentence.self)
        for index in 0..<3 {
            try channel.writeInbound(Reply(.re, attributes: [Attribute("n", "\(index)")], tag: "1").sentence)
        }
        #expect(try channel.readOutbound(as: Sentence.self) == Command("/cancel", ["tag": "1"], tag: "cancel-1").sentence)
        var received: [String] = []
        await #expect {
            for try await row in rows { received.append(row["n"] ?? "") }
        } throws: { error in
            let error = error as? RouterOSError
            return error?.code == .replyTooLarge && error?.command == "/log/listen" && error?.replyLimit == .rows(2)
        }
        #expect(received == ["0", "1"])
        try channel.writeInbound(Reply(.re, attributes: [Attribute("n", "3")], tag: "1").sentence)
        try channel.writeInbound(Reply.done(tag: "1").sentence)
        #expect(channel.isActive)
        _ = try channel.finish()
    }
}

/// Counts the `read()`s that reach the head of the pipeline.
final class ReadCounter: ChannelOutboundHandler {
    typealias OutboundIn = Any
    var count = 0

    func read(context: ChannelHandlerContext) {
        count += 1
        context.read()
    }
}
