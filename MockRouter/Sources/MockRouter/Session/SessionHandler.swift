import DequeModule
import NIOConcurrencyHelpers
import NIOCore
import RouterOSAPI

/// One API session: login, then commands, each answered with its `.tag`.
///
/// `/login`, `/cancel` and `/quit` are handled here; everything else goes to the ``RouterDevice``.
///
/// Sentences wait in ``pending`` and run in arrival order while the channel is writable: a client
/// that does not read its replies stops being read (`autoRead` off until they drain) instead of
/// growing the mock's buffers. A `print` is written ``rowsPerBatch`` rows at a time under the same
/// rule, and the sentences after it wait until it is done. Turns start only from I/O events (a
/// read, the socket becoming writable), never from tasks the session schedules itself: NIO runs
/// tasks added by tasks in the same tick, before polling any socket, so a session rescheduling
/// itself would starve every other on its loop. Fairness comes from the read size instead: the
/// server reads a session at most ``MockRouterServer/readSize`` bytes at a time, so one turn
/// handles at most that many bytes of sentences before the loop serves other sockets.
///
/// A session that has not logged in within ``SessionLimits/loginTimeout`` (TLS handshake
/// included) is closed, freeing its `max-sessions` slot; one that sends nothing for
/// ``SessionLimits/idleTimeout`` while running no streaming command too.
final class SessionHandler: ChannelInboundHandler {
    typealias InboundIn = Sentence
    typealias OutboundOut = Sentence

    private let device: RouterDevice
    private var user: MockUser?
    private var challenge: String?
    /// Streaming commands by tag ("" when untagged), with their listener tokens.
    private var streams: [String: RunningStream] = [:]

    /// A `listen` or `print follow` in progress: its listener, and whether its rows may still go
    /// out (a change queued just before a `/cancel` must not follow the stream's `!done`).
    private struct RunningStream {
        let token: Int
        let open: NIOLockedValueBox<Bool>
    }
    /// 1 for the first session the device has seen, 2 for the next…
    private var sessionNumber = 0
    private var sentencesReceived = 0
    /// Sentences received and not yet handled, oldest first.
    private var pending = Deque<Sentence>()
    /// Replies not yet written (a print still streaming, and what came after it), oldest first.
    private var outputs = Deque<(output: Output, tag: String?)>()
    /// True while ``takeTurn(context:)`` runs: a turn is never nested in another.
    private var inTurn = false
    /// Replies written during this turn and not flushed yet: a turn's replies go out in one flush
    /// (one TLS record and one write), not one each.
    private var unflushed = false
    /// With latency, the replies of this turn, sent together once the latency has passed.
    private var delayed: [Sentence] = []
    private var loginDeadline: Scheduled<Void>?

    /// How many rows of a print are rendered and written at once.
    static let rowsPerBatch = 64

    /// Replies waiting to be written.
    private enum Output {
        case replies([Reply])
        case stream(PrintStream)
    }

    init(device: RouterDevice) {
        self.device = device
    }

    func channelActive(context: ChannelHandlerContext) {
        guard !device.isRebooting, let number = device.openSession(context.channel) else {
            context.close(promise: nil)
            return
        }
        sessionNumber = number
        if let timeout = device.limits.loginTimeout {
            let channel = context.channel
            loginDeadline = context.eventLoop.scheduleTask(in: TimeAmount(timeout)) { channel.close(promise: nil) }
        }
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        sentencesReceived += 1
        if let limit = device.faults.dropAfterSentences, sessionNumber == 1, sentencesReceived >= limit {
            context.close(promise: nil)
            return
        }
        // Queued only: one socket read can hold thousands of sentences, all delivered here
        // before `channelReadComplete`, which starts the turn.
        pending.append(unwrapInboundIn(data))
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        takeTurn(context: context)
        context.fireChannelReadComplete()
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        takeTurn(context: context)
        context.fireChannelWritabilityChanged()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let idle = event as? IdleStateHandler.IdleStateEvent, idle == .read, streams.isEmpty, pending.isEmpty, outputs.isEmpty {
            context.close(promise: nil)
            return
        }
        context.fireUserInboundEventTriggered(event)
    }

    // MARK: - Flow

    /// Writes waiting output, then handles pending sentences, while the channel is writable;
    /// reads more from the socket only when nothing is waiting. What is left when the socket
    /// fills is taken up when it becomes writable again.
    private func takeTurn(context: ChannelHandlerContext) {
        guard !inTurn else { return }
        inTurn = true
        defer { inTurn = false }
        while context.channel.isActive, context.channel.isWritable {
            if !outputs.isEmpty {
                writeNextOutput(context: context)
            } else if let sentence = pending.popFirst() {
                handle(sentence, context: context)
            } else {
                break
            }
        }
        flush(context)
        let caughtUp = pending.isEmpty && outputs.isEmpty && context.channel.isWritable
        if let options = context.channel.syncOptions, (try? options.getOption(.autoRead)) != caughtUp {
            try? options.setOption(.autoRead, value: caughtUp)
        }
    }

    private func handle(_ sentence: Sentence, context: ChannelHandlerContext) {
        let command: Command
        do {
            command = try Command(parsing: sentence)
        } catch {
            // Answer with the command's tag, so that a client waiting on it is not left hanging.
            let tag = sentence.words.lazy.map(\.string).first { $0.hasPrefix(".tag=") }.map { String($0.dropFirst(5)) }
            send([.trap("\(error)", category: .apiFailure), .done()], tag: tag, context: context)
            return
        }
        switch command.path {
        case "/login":
            login(command, context: context)
        case "/quit":
            fatal(TrapText.sessionTerminated, context: context)
        case _ where user == nil:
            fatal(TrapText.notLoggedIn, context: context)
        case "/cancel":
            cancel(command, context: context)
        default:
            run(command, context: context)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        loginDeadline?.cancel()
        pending = []
        outputs = []
        for stream in streams.values {
            stream.open.withLockedValue { $0 = false }
            device.removeListener(stream.token)
        }
        streams = [:]
        device.closeSession(sessionNumber)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        context.close(promise: nil)
    }

    // MARK: - Commands

    private func login(_ command: Command, context: ChannelHandlerContext) {
        let name = command["name"] ?? ""
        if let response = command["response"], let challenge {
            let matched = device.users(named: name).contains { LoginChallenge.response(password: $0.password, challenge: challenge) == response }
            finishLogin(matched ? device.users(named: name).first : nil, tag: command.tag, context: context)
        } else if command["password"] == nil || device.faults.legacyLogin {
            let challenge = (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
            self.challenge = challenge
            send([.done(ret: challenge)], tag: command.tag, context: context)
        } else {
            finishLogin(device.authenticate(name: name, password: command["password"] ?? ""), tag: command.tag, context: context)
        }
    }

    private func finishLogin(_ user: MockUser?, tag: String?, context: ChannelHandlerContext) {
        guard let user else {
            send([TrapText.invalidLogin, .done()], tag: tag, context: context)
            return
        }
        self.user = user
        loginDeadline?.cancel()
        loginDeadline = nil
        device.loggedIn(sessionNumber, user: user, address: context.channel.remoteAddress?.ipAddress ?? "0.0.0.0")
        send([.done()], tag: tag, context: context)
    }

    private func cancel(_ command: Command, context: ChannelHandlerContext) {
        let targets = command["tag"].map { [$0] } ?? Array(streams.keys)
        var interrupted: [String] = []
        for target in targets {
            guard let stream = streams.removeValue(forKey: target) else { continue }
            stream.open.withLockedValue { $0 = false }
            device.removeListener(stream.token)
            interrupted.append(target)
        }
        for target in interrupted {
            send([TrapText.interrupted], tag: target.isEmpty ? nil : target, context: context)
        }
        send([.done()], tag: command.tag, context: context)
        for target in interrupted {
            send([.done()], tag: target.isEmpty ? nil : target, context: context)
        }
    }

    private func run(_ command: Command, context: ChannelHandlerContext) {
        let delay = device.serviceDelay()
        guard delay > .zero else { return execute(command, context: context) }
        let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        context.eventLoop.scheduleTask(in: TimeAmount(delay)) {
            let (handler, context) = bound.value
            handler.execute(command, context: context)
        }
    }

    private func execute(_ command: Command, context: ChannelHandlerContext) {
        guard context.channel.isActive else { return }
        let tag = command.tag.flatMap { $0.isEmpty ? nil : $0 }
        // Replies are told apart only by tag: a command may not share one with a running command.
        guard streams[tag ?? ""] == nil else {
            return send([TrapText.tagInUse(tag), .done()], tag: tag, context: context)
        }
        switch device.execute(command, as: user!) {
        case .replies(let replies) where outputs.isEmpty:
            send(replies, tag: tag, context: context)
        case .replies(let replies):
            // Behind a print still streaming (commands delayed by `service-ms` run late).
            outputs.append((.replies(replies), tag))
        case .stream(let stream):
            outputs.append((.stream(stream), tag))
            takeTurn(context: context)
        case .follow(let initial, let view):
            send(initial, tag: tag, context: context)
            let channel = context.channel
            let open = NIOLockedValueBox(true)
            let token = device.addListener(Listener(view: view) { row in
                var reply = Reply(.re, attributes: row)
                reply.tag = tag
                let sentence = reply.sentence
                // Scheduled, never written inline, so that changes go out in the order they were
                // committed; dropped if the stream was cancelled meanwhile.
                channel.eventLoop.execute {
                    guard open.withLockedValue({ $0 }) else { return }
                    channel.writeAndFlush(sentence, promise: nil)
                }
            })
            streams[tag ?? ""] = RunningStream(token: token, open: open)
        }
    }

    // MARK: - Output

    /// Writes the oldest waiting replies, or the next batch of the print streaming.
    private func writeNextOutput(context: ChannelHandlerContext) {
        guard let (output, tag) = outputs.popFirst() else { return }
        switch output {
        case .replies(let replies):
            send(replies, tag: tag, context: context)
        case .stream(var stream):
            send(stream.next(Self.rowsPerBatch), tag: tag, context: context)
            // Each batch goes out at once: unflushed rows would not count against writability, and
            // the client decodes a batch while the next is rendered.
            flush(context)
            if !stream.isFinished { outputs.prepend((.stream(stream), tag)) }
        }
    }

    private func fatal(_ reason: String, context: ChannelHandlerContext) {
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(Reply.fatal(reason).sentence)).whenComplete { _ in
            channel.close(promise: nil)
        }
    }

    /// Writes `replies` with `tag`, after the configured latency (which delays without serialising);
    /// during a turn, they go out with the turn's other replies.
    private func send(_ replies: [Reply], tag: String?, context: ChannelHandlerContext) {
        let sentences = replies.map { reply in
            var reply = reply
            reply.tag = tag.flatMap { $0.isEmpty ? nil : $0 }
            return reply.sentence
        }
        guard device.faults.latency > .zero else {
            for sentence in sentences { context.write(wrapOutboundOut(sentence), promise: nil) }
            if inTurn { unflushed = true } else { context.flush() }
            return
        }
        if inTurn { delayed += sentences } else { sendLater(sentences, context: context) }
    }

    /// Writes `sentences` once the configured latency has passed.
    private func sendLater(_ sentences: [Sentence], context: ChannelHandlerContext) {
        let channel = context.channel
        context.eventLoop.scheduleTask(in: TimeAmount(device.faults.latency)) {
            for sentence in sentences { channel.write(sentence, promise: nil) }
            channel.flush()
        }
    }

    /// Sends what this turn wrote so far: flushed, or (with latency) on its way.
    private func flush(_ context: ChannelHandlerContext) {
        if !delayed.isEmpty {
            sendLater(delayed, context: context)
            delayed = []
        }
        if unflushed {
            unflushed = false
            context.flush()
        }
    }
}
