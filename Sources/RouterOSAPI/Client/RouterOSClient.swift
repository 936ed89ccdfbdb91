import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// An API connection to one router.
///
/// ```swift
/// let client = try await RouterOSClient.connect(.init(
///     host: "192.0.2.1", tls: .pinned(fingerprint), credentials: .init(user: "rosplay", password: password)))
/// let rows = try await client.execute(Command("/ip/address/print")).rows
/// ```
///
/// Every command is sent with its own `.tag`, which the client assigns (a tag already on the
/// command is replaced), so any number may be in flight at once from any number of tasks;
/// replies are matched by tag. Every failure is a ``RouterOSError``.
public final class RouterOSClient: Sendable {
    private let channel: Channel
    private let nextTag = NIOLockedValueBox(0)
    private let logger: Logger
    private let loginTimeout: Duration
    /// ``Configuration/deadline``: no login round trip waits past it.
    private let deadline: ContinuousClock.Instant?
    private let replyLimits: ReplyLimits
    /// The router connected to.
    public let address: RouterAddress
    /// The negotiated TLS protocol and cipher (`TLSv1.3 TLS_AES_256_GCM_SHA384`), or `plain`.
    public let transport: String

    /// The router as reports name it: `host:port`, `[2001:db8::1]:8729`.
    public var target: String { address.description }

    private init(channel: Channel, transport: String, configuration: Configuration, logger: Logger) {
        self.channel = channel
        self.loginTimeout = configuration.loginTimeout
        self.deadline = configuration.deadline
        self.replyLimits = configuration.replyLimits
        self.address = configuration.address
        self.transport = transport
        self.logger = logger
    }

    /// Opens a connection: TCP within `connectTimeout`, then TLS as configured within
    /// `handshakeTimeout`, then, when the configuration has ``Configuration/credentials``, the
    /// login within `loginTimeout`; each cut to what is left before ``Configuration/deadline``.
    public static func connect(
        _ configuration: Configuration,
        logger: Logger = Logger(label: "rosplay.api"),
        eventLoopGroup: EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) async throws -> RouterOSClient {
        let address = configuration.address
        let channel: Channel
        let connectTimeout = configuration.limited(configuration.connectTimeout)
        do {
            channel = try await ClientBootstrap(group: eventLoopGroup)
                .connectTimeout(TimeAmount(connectTimeout))
                .channelOption(.socketOption(.tcp_nodelay), value: 1)
                .channelOption(.socketOption(.so_keepalive), value: 1)
                .connect(host: configuration.host, port: configuration.port)
                .get()
        } catch {
            throw RouterOSError.connecting(error, to: address, within: connectTimeout)
        }
        let client: RouterOSClient
        do {
            let handshakeTimeout = configuration.limited(configuration.handshakeTimeout)
            let transport = try await configurePipeline(channel, configuration, handshakeTimeout: handshakeTimeout).get()
            logger.debug("connected", metadata: ["target": "\(address)", "transport": "\(transport)"])
            client = RouterOSClient(channel: channel, transport: transport, configuration: configuration, logger: logger)
        } catch {
            channel.close(promise: nil)
            throw (error as? RouterOSError)?.at(address)
                ?? RouterOSError(.handshakeFailed, stage: .tlsHandshake, target: address, reason: FailureWords.of(error), underlying: error)
        }
        guard let credentials = configuration.credentials else { return client }
        do {
            try await client.login(user: credentials.user, password: credentials.password)
        } catch {
            await client.close()
            throw error
        }
        return client
    }

    private static func configurePipeline(_ channel: Channel, _ configuration: Configuration, handshakeTimeout: Duration) -> EventLoopFuture<String> {
        let deadline = NIODeadline.now() + TimeAmount(handshakeTimeout)
        return channel.eventLoop.flatSubmit {
            let sync = channel.pipeline.syncOperations
            do {
                var transport = channel.eventLoop.makeSucceededFuture("plain")
                if let trust = configuration.tls.trust {
                    // A router that closes at once (too many sessions) may have done so already; a
                    // handler that never sees its channel active would never complete its handshake.
                    guard channel.isActive else { throw RouterOSError(.closedDuringHandshake, stage: .tlsHandshake) }
                    let handler = try OpenSSLHandler(trust: trust, peerName: configuration.host, on: channel.eventLoop)
                    try sync.addHandler(handler)
                    let timedOut = NIOLoopBoundBox(false, eventLoop: channel.eventLoop)
                    let expiry = channel.eventLoop.scheduleTask(deadline: deadline) {
                        timedOut.value = true
                        channel.close(promise: nil)
                    }
                    transport = handler.handshakeResult.flatMapErrorThrowing { error in
                        if timedOut.value {
                            throw RouterOSError(.timedOut, stage: .tlsHandshake, timeout: handshakeTimeout)
                        }
                        throw error
                    }.always { _ in expiry.cancel() }
                }
                try sync.addHandler(ByteToMessageHandler(SentenceFrameDecoder(limits: configuration.wireLimits)))
                try sync.addHandler(MessageToByteHandler(SentenceFrameEncoder()))
                try sync.addHandler(CommandRouter(
                    target: configuration.address,
                    commandTimeout: configuration.commandTimeout,
                    limits: configuration.replyLimits
                ))
                return transport
            } catch {
                return channel.eventLoop.makeFailedFuture(error)
            }
        }
    }

    /// Logs in with the post-6.43 method; falls back to the MD5 challenge when the router answers
    /// with one. Each round trip is allowed ``Configuration/loginTimeout``, cut to what is left
    /// before ``Configuration/deadline``.
    /// - Throws: a ``RouterOSError`` at the login stage: ``RouterOSError/Code/loginFailed`` with
    ///   the router's message when it refused.
    public func login(user: String, password: String) async throws {
        do {
            let first = try await execute(Command("/login", ["name": user, "password": password]), timeout: loginTimeLeft)
            guard let challenge = first.ret else { return }
            guard let response = LoginChallenge.response(password: password, challenge: challenge) else {
                throw RouterOSError(.loginFailed, stage: .login, target: address, user: user, reason: "the router sent an unreadable challenge")
            }
            var answer = Command("/login", ["name": user, "response": response])
            answer.sensitive = ["response"]
            _ = try await execute(answer, timeout: loginTimeLeft)
        } catch var error as RouterOSError {
            error.stage = .login
            if error.code == .trap {
                error.code = .loginFailed
                error.user = user
                error.reason = error.trap?.message
            }
            throw error
        }
    }

    /// ``Configuration/loginTimeout``, cut to what is left before ``Configuration/deadline``.
    private var loginTimeLeft: Duration {
        Configuration.limited(loginTimeout, by: deadline)
    }

    /// Sends `command` and waits for its `!done` within ``Configuration/commandTimeout``.
    public func execute(_ command: Command) async throws -> Response {
        try await execute(command, timeout: nil)
    }

    /// Sends `command` and waits for its `!done`. The client tags it: any `.tag` on it is replaced.
    ///
    /// Cancelling the awaiting task sends `/cancel` for the command and throws `CancellationError`
    /// at once (unless `!done` came first); the router may or may not have carried the command out.
    /// - Parameter timeout: how long to wait for `!done`; nil: ``Configuration/commandTimeout``.
    /// - Throws: a ``RouterOSError``: ``RouterOSError/Code/trap`` with every `!trap` the router
    ///   answered; ``RouterOSError/Code/timedOut`` when the timeout passed first;
    ///   ``RouterOSError/Code/replyTooLarge`` past ``Configuration/replyLimits``.
    public func execute(_ command: Command, timeout: Duration?) async throws -> Response {
        let promise = channel.eventLoop.makePromise(of: Response.self)
        let command = tagged(command)
        let tag = command.tag!
        let cancellation = SendCancellation()
        return try await withTaskCancellationHandler {
            let sent = cancellation.send {
                send(PendingCommand(command: command, caller: .collect(promise), timeout: timeout))
            }
            guard sent else {
                promise.fail(CancellationError())
                throw CancellationError()
            }
            return try await promise.futureResult.get()
        } onCancel: {
            cancellation.cancel { [channel] in
                channel.writeAndFlush(ClientRequest.cancel(tag: tag), promise: nil)
            }
        }
    }

    /// Sends a command that keeps replying and returns its rows as they come. The client tags it:
    /// any `.tag` on it is replaced; ``ReplyStream/tag`` is the one sent.
    ///
    /// When the consuming task is cancelled, or the stream is dropped unfinished, the client sends
    /// `/cancel` for it and the iteration ends without error. A slow consumer holds reading back
    /// (see ``ReplyStream``); past ``ReplyLimits/maximumRows`` untaken rows it gets
    /// ``RouterOSError/Code/replyTooLarge``.
    public func stream(_ command: Command) -> ReplyStream {
        let command = tagged(command)
        let tag = command.tag!
        let (rows, continuation) = AsyncThrowingStream<Row, Error>.makeStream(bufferingPolicy: .bufferingOldest(replyLimits.maximumRows))
        continuation.onTermination = { [channel] termination in
            guard case .cancelled = termination else { return }
            channel.writeAndFlush(ClientRequest.cancel(tag: tag), promise: nil)
        }
        let demand = StreamDemand(highWater: replyLimits.streamHighWater, lowWater: replyLimits.streamLowWater)
        send(PendingCommand(command: command, caller: .stream(StreamFeed(continuation: continuation, demand: demand)), timeout: nil))
        return ReplyStream(tag: tag, rows: rows, demand: demand, client: self)
    }

    /// The consumer of the stream with `tag` caught up: reading may resume.
    func streamDrained(tag: String, _ demand: StreamDemand) {
        channel.writeAndFlush(ClientRequest.streamDrained(tag: tag, demand), promise: nil)
    }

    /// Sends `/cancel` for the command with `tag` (or for every running command when nil).
    public func cancel(tag: String?) async throws {
        let attributes: KeyValuePairs<String, String> = tag.map { ["tag": $0] } ?? [:]
        _ = try await execute(Command("/cancel", attributes))
    }

    /// Closes the connection; commands still in flight fail with ``RouterOSError/Code/connectionLost``.
    public func close() async {
        try? await channel.close()
    }

    /// True until the connection closes.
    public var isConnected: Bool { channel.isActive }

    /// `command` with the client's next tag, replacing any the caller set: a tag of the caller's
    /// could collide with one of the client's in flight.
    private func tagged(_ command: Command) -> Command {
        var command = command
        command.tag = String(nextTag.withLockedValue { value in value += 1; return value })
        return command
    }

    private func send(_ pending: PendingCommand) {
        logger.trace("send", metadata: ["command": "\(pending.command)"])
        // A command that cannot be sent fails here, once: the CommandRouter fails the write (closed
        // connection, tag in flight), and a write to a closed channel never reaches it.
        channel.writeAndFlush(ClientRequest.send(pending)).whenFailure { [address] error in
            pending.caller.fail(error as? RouterOSError ?? RouterOSError(
                .connectionLost, stage: .command, target: address, command: pending.command.description,
                reason: FailureWords.of(error), underlying: error))
        }
    }
}
