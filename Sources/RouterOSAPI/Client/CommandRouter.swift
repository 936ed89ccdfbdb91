import NIOCore

/// The channel handler of a client connection: it feeds every event to a
/// ``ConnectionStateMachine`` and performs the actions it returns (writes, completions, timers,
/// closing). It decides nothing itself.
///
/// A command that cannot be sent (the connection is closed, or its tag is already in flight)
/// fails its write promise only: the writer fails the command's caller, once.
///
/// It is the handler nearest the application, so every `read()` passes it first: while a
/// stream's consumer is behind (``ConnectionStateMachine/isReadingPaused``) it holds the read
/// back, and issues it once the consumer has caught up. That is the backpressure: the socket is
/// not read, TCP's window closes, and the router waits.
final class CommandRouter: ChannelDuplexHandler {
    typealias InboundIn = Sentence
    typealias OutboundIn = ClientRequest
    typealias OutboundOut = Sentence

    private var state: ClientStateMachine
    /// The timeout of each collected command that has one, by tag.
    private var timers: [String: Scheduled<Void>] = [:]
    private let commandTimeout: Duration?
    /// A `read()` held back while reading is paused.
    private var readHeld = false

    /// - Parameters:
    ///   - target: the router's host and port, for errors.
    ///   - commandTimeout: how long a command may wait for its `!done` before it fails with
    ///     ``RouterOSError/Code/timedOut``; nil to wait forever. Streams are exempt.
    ///   - limits: how much of one reply may be held.
    init(target: RouterAddress, commandTimeout: Duration?, limits: ReplyLimits) {
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
                readIfResumed(context: context)
            case .refuse(let error):
                promise?.fail(error)
            }
        case .cancel(let tag):
            promise?.succeed(())
            perform(state.cancel(tag: tag), context: context)
        case .streamDrained(let tag, let demand):
            promise?.succeed(())
            // Rows that arrived since the consumer caught up may have backed the stream up again.
            if !demand.isBackedUp { state.streamDrained(tag: tag) }
            readIfResumed(context: context)
        }
    }

    func read(context: ChannelHandlerContext) {
        if state.isReadingPaused {
            readHeld = true
        } else {
            context.read()
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
        case .yield(let row, let feed, let tag):
            if case .dropped = feed.continuation.yield(row) {
                perform(state.streamFellBehind(tag: tag), context: context)
            } else if feed.demand.rowAdded() {
                state.streamBackedUp(tag: tag)
            }
        case .succeed(let promise, let response, let tag):
            stopTimer(tag)
            promise.succeed(response)
        case .finish(let feed, let tag):
            stopTimer(tag)
            feed.continuation.finish()
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
        readIfResumed(context: context)
    }

    /// Issues the read held back while reading was paused, once it no longer is.
    private func readIfResumed(context: ChannelHandlerContext) {
        guard readHeld, !state.isReadingPaused else { return }
        readHeld = false
        context.read()
    }

    private func stopTimer(_ tag: String) {
        timers.removeValue(forKey: tag)?.cancel()
    }
}
