import NIOCore

/// The channel handler of a client connection: it feeds every event to a
/// ``ConnectionStateMachine`` and performs the actions it returns (writes, completions, timers,
/// closing). It decides nothing itself.
///
/// A command that cannot be sent (the connection is closed, or its tag is already in flight)
/// fails its write promise only: the writer fails the command's caller, once.
final class CommandRouter: ChannelDuplexHandler {
    typealias InboundIn = Sentence
    typealias OutboundIn = ClientRequest
    typealias OutboundOut = Sentence

    private var state: ClientStateMachine
    /// The timeout of each collected command that has one, by tag.
    private var timers: [String: Scheduled<Void>] = [:]
    private let commandTimeout: Duration?

    /// - Parameters:
    ///   - target: the router's host and port, for errors.
    ///   - commandTimeout: how long a command may wait for its `!done` before it fails with
    ///     ``RouterOSError/timedOut(_:target:after:)``; nil to wait forever. Streams are exempt.
    ///   - limits: how much of one reply may be held.
    init(target: String, commandTimeout: Duration?, limits: ReplyLimits) {
        self.state = ClientStateMachine(target: target, limits: limits)
        self.commandTimeout = commandTimeout
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .send(let pending):
            switch state.send(pending.command, for: pending.caller, timeout: pending.timeout ?? commandTimeout) {
            case .write(let sentence, let tag, let timeout):
                if let timeout {
                    timers[tag] = context.eventLoop.assumeIsolated().scheduleTask(in: TimeAmount(timeout)) {
                        self.timers[tag] = nil
                        self.perform(self.state.timedOut(tag: tag), context: context)
                    }
                }
                context.write(wrapOutboundOut(sentence), promise: promise)
            case .refuse(let error):
                promise?.fail(error)
            }
        case .cancel(let tag):
            promise?.succeed(())
            perform(state.cancel(tag: tag), context: context)
        }
    }

    func close(context: ChannelHandlerContext, mode: CloseMode, promise: EventLoopPromise<Void>?) {
        if mode == .all { perform(state.closeRequested(), context: context) }
        context.close(mode: mode, promise: promise)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        do {
            perform(state.received(try Reply(parsing: unwrapInboundIn(data))), context: context)
        } catch {
            perform(state.errorCaught(error), context: context)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        perform(state.errorCaught(error), context: context)
    }

    func channelInactive(context: ChannelHandlerContext) {
        perform(state.channelInactive(), context: context)
        context.fireChannelInactive()
    }

    private func perform(_ action: ClientStateMachine.Action, context: ChannelHandlerContext) {
        switch action {
        case .none:
            break
        case .yield(let row, let continuation, let tag):
            if case .dropped = continuation.yield(row) {
                perform(state.streamFellBehind(tag: tag), context: context)
            }
        case .succeed(let promise, let response, let tag):
            stopTimer(tag)
            promise.succeed(response)
        case .finish(let continuation, let tag):
            stopTimer(tag)
            continuation.finish()
        case .fail(let caller, let error, let tag, let cancel):
            stopTimer(tag)
            caller.fail(error)
            if let cancel { context.writeAndFlush(wrapOutboundOut(cancel), promise: nil) }
        case .failAll(let failures, let close):
            for timer in timers.values { timer.cancel() }
            timers = [:]
            for (caller, error) in failures { caller.fail(error) }
            if close { context.close(promise: nil) }
        }
    }

    private func stopTimer(_ tag: String) {
        timers.removeValue(forKey: tag)?.cancel()
    }
}
