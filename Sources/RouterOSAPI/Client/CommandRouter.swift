import NIOCore

/// A command on its way out, with where its replies go.
struct PendingCommand {
    enum Sink {
        /// Collect every `!re` and complete at `!done`.
        case collect(EventLoopPromise<Response>)
        /// Hand each `!re` on as it arrives; finish at `!done`.
        case stream(AsyncThrowingStream<Row, Error>.Continuation)
    }

    var command: Command
    var sink: Sink
    /// Overrides the connection's command timeout for this command.
    var timeout: Duration?
}

extension PendingCommand.Sink {
    /// Fails the command; a no-op when it already completed.
    func fail(_ error: Error) {
        switch self {
        case .collect(let promise): promise.fail(error)
        case .stream(let continuation): continuation.finish(throwing: error)
        }
    }
}

/// Routes replies to the commands in flight by `.tag`.
///
/// Every command carries a tag; many may be in flight at once and their replies interleave.
/// A `!trap` is remembered and reported when the command's `!done` arrives. `!fatal`, a
/// protocol error (an untagged `!trap` or `!done` among them) or the connection closing fails
/// every command still in flight.
///
/// A command that cannot be sent (the connection is closed, or its tag is already in flight)
/// fails its write promise only: the writer fails the command's sink, once.
final class CommandRouter: ChannelDuplexHandler {
    typealias InboundIn = Sentence
    typealias OutboundIn = PendingCommand
    typealias OutboundOut = Sentence

    private struct InFlight {
        var command: Command
        var sink: PendingCommand.Sink
        var rows: [Row] = []
        var traps: [RouterOSTrap] = []
        /// Fails the command when no `!done` came in time.
        var timeout: Scheduled<Void>?
    }

    private var inFlight: [String: InFlight] = [:]
    private var closeReason: String?
    private let commandTimeout: Duration?
    /// The router's host and port, for errors.
    private let target: String

    /// - Parameter commandTimeout: how long a command may wait for its `!done` before it fails with
    ///   ``RouterOSError/timedOut(_:target:after:)``; nil to wait forever. Streams are exempt: they end only when cancelled.
    init(target: String, commandTimeout: Duration?) {
        self.target = target
        self.commandTimeout = commandTimeout
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let pending = unwrapOutboundIn(data)
        guard let tag = pending.command.tag, !tag.isEmpty else {
            preconditionFailure("CommandRouter needs tagged commands")
        }
        let command = pending.command.description
        guard closeReason == nil, context.channel.isActive else {
            promise?.fail(RouterOSError.connectionLost(command: command, reason: closeReason ?? "connection closed"))
            return
        }
        guard inFlight[tag] == nil else {
            promise?.fail(RouterOSError.tagInUse(command: command, tag: tag))
            return
        }
        var entry = InFlight(command: pending.command, sink: pending.sink)
        if let timeout = pending.timeout ?? commandTimeout, case .collect = pending.sink {
            entry.timeout = context.eventLoop.assumeIsolated().scheduleTask(in: TimeAmount(timeout)) {
                self.timeOut(tag, after: timeout)
            }
        }
        inFlight[tag] = entry
        context.write(wrapOutboundOut(pending.command.sentence), promise: promise)
    }

    /// Fails the command with `tag` for want of a `!done`; a late reply to it is then ignored.
    private func timeOut(_ tag: String, after timeout: Duration) {
        guard let entry = inFlight.removeValue(forKey: tag) else { return }
        entry.sink.fail(RouterOSError.timedOut(.command(entry.command.description), target: target, after: timeout))
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let reply: Reply
        do {
            reply = try Reply(parsing: unwrapInboundIn(data))
        } catch {
            errorCaught(context: context, error: error)
            return
        }
        if reply.kind == .fatal {
            let reason = reply.bareWords.map(\.string).joined(separator: " ")
            failAll(with: { _ in RouterOSError.fatal(reason) }, reason: "!fatal \(reason)")
            context.close(promise: nil)
            return
        }
        guard let tag = reply.tag else {
            // Every command is tagged, so an untagged `!trap` or `!done` answers none of them.
            if !inFlight.isEmpty, reply.kind == .trap || reply.kind == .done {
                errorCaught(context: context, error: ProtocolError.malformedSentence("untagged \(reply.kind) while tagged commands are in flight"))
            }
            return
        }
        // Only the sink is read out: rows and traps are appended in place (`inFlight[tag]?…`),
        // since a copy of the entry held meanwhile would make every append copy all rows so far.
        guard let sink = inFlight[tag]?.sink else { return }
        switch reply.kind {
        case .re:
            let row = Row(reply.attributes)
            switch sink {
            case .collect: inFlight[tag]?.rows.append(row)
            case .stream(let continuation): continuation.yield(row)
            }
        case .trap:
            let command = inFlight[tag]?.command.description ?? ""
            inFlight[tag]?.traps.append(RouterOSTrap(
                category: reply["category"].flatMap(Int.init).flatMap(TrapCategory.init(rawValue:)),
                message: reply["message"] ?? "",
                command: command
            ))
        case .done:
            guard let entry = inFlight.removeValue(forKey: tag) else { return }
            entry.timeout?.cancel()
            finish(entry, done: reply)
        case .empty, .fatal, .other:
            break
        }
    }

    private func finish(_ entry: InFlight, done: Reply) {
        switch entry.sink {
        case .collect(let promise):
            if let first = entry.traps.first {
                promise.fail(RouterOSError.trap(first, more: Array(entry.traps.dropFirst())))
            } else {
                promise.succeed(Response(rows: entry.rows, done: done))
            }
        case .stream(let continuation):
            // A stream we cancelled ends with `interrupted`: that is its normal end.
            let failures = entry.traps.filter { $0.category != .interrupted }
            if let first = failures.first {
                continuation.finish(throwing: RouterOSError.trap(first, more: Array(failures.dropFirst())))
            } else {
                continuation.finish()
            }
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        let reason = String(describing: error)
        failAll(with: { RouterOSError.connectionLost(command: $0, reason: reason) }, reason: reason)
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        failAll(with: { RouterOSError.connectionLost(command: $0, reason: "connection closed by the router") }, reason: "connection closed")
        context.fireChannelInactive()
    }

    private func failAll(with error: (String) -> RouterOSError, reason: String) {
        if closeReason == nil { closeReason = reason }
        let entries = inFlight.values
        inFlight = [:]
        for entry in entries {
            entry.timeout?.cancel()
            entry.sink.fail(error(entry.command.description))
        }
    }
}
