#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// An API connection to one router.
///
/// ```swift
/// let client = try await RouterOSClient.connect(ConnectionConfiguration(
///     host: "192.0.2.1", security: .tls(.pinned(fingerprint))))
/// try await client.login(user: "rosplay", password: password)
/// let rows = try await client.execute(Command("/ip/address/print")).rows
/// ```
///
/// Every command is sent with its own `.tag`, which the client assigns (a tag already on the
/// command is replaced), so any number may be in flight at once from any number of tasks;
/// replies are matched by tag.
public final class RouterOSClient: Sendable {
    private let channel: Channel
    private let nextTag = NIOLockedValueBox(0)
    private let logger: Logger
    private let loginTimeout: Duration
    private let replyLimits: ReplyLimits
    /// The host and port connected to.
    public let target: String
    /// The negotiated TLS protocol and cipher (`TLSv1.3 TLS_AES_256_GCM_SHA384`), or `plain`.
    public let transport: String

    private init(channel: Channel, target: String, transport: String, configuration: ConnectionConfiguration, logger: Logger) {
        self.channel = channel
        self.loginTimeout = configuration.loginTimeout
        self.replyLimits = configuration.replyLimits
        self.target = target
        self.transport = transport
        self.logger = logger
    }

    /// Opens a connection: TCP within `connectTimeout`, then TLS as configured within
    /// `handshakeTimeout`. Does not log in.
    public static func connect(
        _ configuration: ConnectionConfiguration,
        logger: Logger = Logger(label: "rosplay.api"),
        eventLoopGroup: EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) async throws -> RouterOSClient {
        let target = "\(configuration.host):\(configuration.port)"
        let timeout = TimeAmount(configuration.connectTimeout)
        let channel: Channel
        do {
            channel = try await ClientBootstrap(group: eventLoopGroup)
                .connectTimeout(timeout)
                .channelOption(.socketOption(.tcp_nodelay), value: 1)
                .channelOption(.socketOption(.so_keepalive), value: 1)
                .connect(host: configuration.host, port: configuration.port)
                .get()
        } catch let error as ChannelError {
            if case .connectTimeout = error { throw RouterOSError.timedOut(.connect, target: target, after: configuration.connectTimeout) }
            throw RouterOSError.connectFailed("\(target): \(error)")
        } catch let error as NIOConnectionError {
            // One line a person can read: the system's words for each address tried.
            let reasons = error.connectionErrors.map { failure in
                (failure.error as? IOError).map { String(cString: strerror($0.errnoCode)).lowercased() } ?? "\(failure.error)"
            }
            let reason = Set(reasons).sorted().joined(separator: "; ")
            throw RouterOSError.connectFailed("\(target): \(reason.isEmpty ? "no address to connect to" : reason)")
        } catch {
            throw RouterOSError.connectFailed("\(target): \(error)")
        }
        do {
            let deadline = NIODeadline.now() + TimeAmount(configuration.handshakeTimeout)
            let transport = try await configurePipeline(channel, configuration, deadline: deadline).get()
            logger.debug("connected", metadata: ["target": "\(target)", "transport": "\(transport)"])
            return RouterOSClient(channel: channel, target: target, transport: transport, configuration: configuration, logger: logger)
        } catch {
            channel.close(promise: nil)
            throw error
        }
    }

    private static func configurePipeline(_ channel: Channel, _ configuration: ConnectionConfiguration, deadline: NIODeadline) -> EventLoopFuture<String> {
        channel.eventLoop.flatSubmit {
            let sync = channel.pipeline.syncOperations
            do {
                var transport = channel.eventLoop.makeSucceededFuture("plain")
                if case .tls(let tls) = configuration.security {
                    // A router that closes at once (too many sessions) may have done so already; a
                    // handler that never sees its channel active would never complete its handshake.
                    guard channel.isActive else { throw TLSError.closedDuringHandshake }
                    let handler = try OpenSSLHandler(configuration: tls, peerName: configuration.host, on: channel.eventLoop)
                    try sync.addHandler(handler)
                    let timedOut = NIOLoopBoundBox(false, eventLoop: channel.eventLoop)
                    let expiry = channel.eventLoop.scheduleTask(deadline: deadline) {
                        timedOut.value = true
                        channel.close(promise: nil)
                    }
                    transport = handler.handshakeResult.flatMapErrorThrowing { error in
                        if timedOut.value {
                            throw RouterOSError.timedOut(.tlsHandshake, target: "\(configuration.host):\(configuration.port)", after: configuration.handshakeTimeout)
                        }
                        throw error
                    }.always { _ in expiry.cancel() }
                }
                try sync.addHandler(ByteToMessageHandler(SentenceFrameDecoder(limits: configuration.limits)))
                try sync.addHandler(MessageToByteHandler(SentenceFrameEncoder()))
                try sync.addHandler(CommandRouter(
                    target: "\(configuration.host):\(configuration.port)",
                    commandTimeout: configuration.commandTimeout,
                    limits: configuration.replyLimits
                ))
                return transport
            } catch {
                return channel.eventLoop.makeFailedFuture(error)
            }
        }
    }

    /// Logs in with the post-6.43 method; falls back to the MD5 challenge when the router answers with one.
    public func login(user: String, password: String) async throws {
        do {
            let first = try await login(Command("/login", ["name": user, "password": password]))
            guard let challenge = first.ret else { return }
            guard let response = LoginChallenge.response(password: password, challenge: challenge) else {
                throw RouterOSError.loginFailed("the router sent an unreadable challenge")
            }
            _ = try await login(Command("/login", ["name": user, "response": response]))
        } catch let error as RouterOSError {
            if let trap = error.trap { throw RouterOSError.loginFailed(trap.message) }
            throw error
        }
    }

    /// Sends `command` and waits for its `!done` within ``ConnectionConfiguration/commandTimeout``.
    public func execute(_ command: Command) async throws -> Response {
        try await execute(command, timeout: nil)
    }

    /// One `/login` round trip, its timeout reported as the login's.
    private func login(_ command: Command) async throws -> Response {
        do {
            return try await execute(command, timeout: loginTimeout)
        } catch RouterOSError.timedOut(.command, let target, let after) {
            throw RouterOSError.timedOut(.login, target: target, after: after)
        }
    }

    /// Sends `command` and waits for its `!done`. The client tags it: any `.tag` on it is replaced.
    ///
    /// Cancelling the awaiting task sends `/cancel` for the command and throws `CancellationError`
    /// at once (unless `!done` came first); the router may or may not have carried the command out.
    /// - Parameter timeout: how long to wait for `!done`; nil: ``ConnectionConfiguration/commandTimeout``.
    /// - Throws: ``RouterOSError/trap(_:more:)`` when the router answered `!trap`;
    ///   ``RouterOSError/timedOut(_:target:after:)`` when the timeout passed first;
    ///   ``RouterOSError/replyTooLarge(command:limit:)`` past ``ConnectionConfiguration/replyLimits``.
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
    /// `/cancel` for it and the iteration ends without error. A consumer that falls
    /// ``ReplyLimits/maximumRows`` rows behind gets ``RouterOSError/replyTooLarge(command:limit:)``.
    public func stream(_ command: Command) -> ReplyStream {
        let command = tagged(command)
        let tag = command.tag!
        let (rows, continuation) = AsyncThrowingStream<Row, Error>.makeStream(bufferingPolicy: .bufferingOldest(replyLimits.maximumRows))
        continuation.onTermination = { [channel] termination in
            guard case .cancelled = termination else { return }
            channel.writeAndFlush(ClientRequest.cancel(tag: tag), promise: nil)
        }
        send(PendingCommand(command: command, caller: .stream(continuation), timeout: nil))
        return ReplyStream(tag: tag, rows: rows, client: self)
    }

    /// Sends `/cancel` for the command with `tag` (or for every running command when nil).
    public func cancel(tag: String?) async throws {
        let attributes: KeyValuePairs<String, String> = tag.map { ["tag": $0] } ?? [:]
        _ = try await execute(Command("/cancel", attributes))
    }

    /// Closes the connection; commands still in flight fail with ``RouterOSError/connectionLost(command:reason:)``.
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
        channel.writeAndFlush(ClientRequest.send(pending)).whenFailure { error in
            pending.caller.fail(error as? RouterOSError ?? RouterOSError.connectionLost(command: pending.command.description, reason: "\(error)"))
        }
    }
}
