/// The client side of one API connection as a value: every event (a command written, a reply
/// read, a timer fired, a cancellation, an error, the channel closing) updates it and returns
/// the ``Action`` the channel handler must perform. It does no I/O, so every transition can be
/// tested without a socket.
///
/// Every command carries a tag, which it holds from its write until its `!done`, even after
/// its caller gave up (see ``InFlightCommand/Receiver/abandoned``). A `!re`, `!trap` or `!done`
/// that names no tag held (untagged, empty-tagged, or a tag nobody holds) is a protocol error
/// that fails the connection: ignored, it could leave its command's caller waiting forever.
///
/// Login is not a state here: `/login` is an ordinary command, and the router answers anything
/// else sent before it with `!fatal`.
///
/// `Promise` and `Continuation` are where a command's replies go (see ``Caller``); the state
/// machine only hands them back in actions.
struct ConnectionStateMachine<Promise, Continuation> {
    private enum State {
        /// Commands may be written; replies are routed to ``inFlight``.
        case active
        /// The client decided to close (a `!fatal`, a protocol error, a failed channel, a local
        /// close) and failed every command; waiting for the channel to go inactive.
        case closing(Closure)
        /// The channel is inactive.
        case closed(Closure)
    }

    /// Why the connection ended, for the commands that find it so.
    private struct Closure {
        var reason: String
        var cause: (any Error)?
    }

    private var state = State.active
    /// The commands in flight by tag; empty unless ``state`` is active.
    private var inFlight: [String: InFlightCommand<Promise, Continuation>] = [:]
    /// The streams whose consumers fell behind (see ``StreamDemand``): while any does, the
    /// connection is not read.
    private var backedUpStreams: Set<String> = []
    /// The router's host and port, for errors.
    private let target: RouterAddress
    private let limits: ReplyLimits

    init(target: RouterAddress, limits: ReplyLimits) {
        self.target = target
        self.limits = limits
    }

    /// True when `tag` is held by a command in flight (abandoned ones included).
    func isHolding(_ tag: String) -> Bool {
        inFlight[tag] != nil
    }

    /// True while a stream's consumer has fallen behind: the handler must not read from the
    /// connection (which pauses every command on it) until this is false again.
    var isReadingPaused: Bool {
        !backedUpStreams.isEmpty
    }

    // MARK: - Events from the client

    /// The client writes `command` (tagged, non-empty) for `caller`.
    /// - Parameter timeout: how long a collected command may wait for `!done`; ignored for streams.
    mutating func send(_ command: Command, for caller: Caller, timeout: Duration?) -> SendAction {
        guard let tag = command.tag, !tag.isEmpty else {
            preconditionFailure("the state machine needs tagged commands")
        }
        switch state {
        case .active:
            guard inFlight[tag] == nil else {
                return .refuse(error(.tagInUse, command: command.description, reason: "tag \(tag) is already in flight"))
            }
            let receiver: InFlightCommand<Promise, Continuation>.Receiver
            let timeLimit: Duration?
            switch caller {
            case .collect(let promise): (receiver, timeLimit) = (.collecting(promise, rows: []), timeout)
            case .stream(let continuation): (receiver, timeLimit) = (.streaming(continuation), nil)
            }
            inFlight[tag] = InFlightCommand(command: command.description, timeout: timeLimit, receiver: receiver)
            // A `/cancel` of a stream whose consumer is behind must get its reply: the stream no
            // longer holds reading back (its remaining rows are bounded by the reply limits).
            if command.path == "/cancel", let cancelled = command["tag"] { backedUpStreams.remove(cancelled) }
            return .write(command.sentence, tag: tag, timeout: timeLimit)
        case .closing(let closure), .closed(let closure):
            return .refuse(error(.connectionLost, command: command.description, reason: closure.reason, underlying: closure.cause))
        }
    }

    /// The caller of the command with `tag` is gone (its task was cancelled, or a stream's consumer
    /// stopped). Unless the command already finished, it fails with `CancellationError` and the
    /// router is asked to stop it.
    mutating func cancel(tag: String) -> Action {
        guard let entry = inFlight.removeValue(forKey: tag) else { return .none }
        return abandon(entry, tag: tag, error: CancellationError())
    }

    /// The connection's user closes it: every command fails.
    mutating func closeRequested() -> Action {
        switch state {
        case .active:
            return failAll(.connectionLost, Closure(reason: "connection closed by the client"), close: false)
        case .closing, .closed:
            return .none
        }
    }

    // MARK: - Events from the router

    /// A reply arrived.
    mutating func received(_ reply: Reply) -> Action {
        switch state {
        case .active: break
        case .closing, .closed: return .none
        }
        switch reply.kind {
        case .fatal:
            let reason = reply.bareWords.map(\.string).joined(separator: " ")
            return failAll(.fatal, Closure(reason: reason), close: true)
        case .re:
            return route(reply) { machine, tag, entry in machine.row(reply, tag: tag, entry: &entry) }
        case .trap:
            return route(reply) { machine, tag, entry in machine.trap(reply, tag: tag, entry: &entry) }
        case .done:
            return route(reply) { machine, tag, entry in machine.finish(entry, tag: tag, done: reply) }
        case .empty, .other:
            // `!empty`: a print found nothing, and `!done` follows; unknown types wait for `!done`
            // too. Neither answers anything on its own, so neither needs a tag.
            guard reply.tag != nil else { return .none }
            return route(reply) { machine, tag, entry in
                machine.inFlight[tag] = entry
                return .none
            }
        }
    }

    /// Takes the entry `reply`'s tag holds out of ``inFlight`` and hands it to `handle`, which
    /// puts back what should stay: out of the dictionary, its rows grow without being copied.
    /// A reply without a tag, with an empty one, or with one no command holds fails the connection.
    private mutating func route(
        _ reply: Reply,
        _ handle: (inout Self, String, inout InFlightCommand<Promise, Continuation>) -> Action
    ) -> Action {
        guard let tag = reply.tag, !tag.isEmpty else {
            let what = reply.tag == nil ? "untagged" : "empty-tagged"
            let context = inFlight.isEmpty ? "no command is in flight" : "tagged commands are in flight"
            return protocolViolation("\(what) \(reply.kind) while \(context)")
        }
        guard var entry = inFlight.removeValue(forKey: tag) else {
            return protocolViolation("\(reply.kind) for tag \(tag), which no command in flight holds")
        }
        return handle(&self, tag, &entry)
    }

    private mutating func row(_ reply: Reply, tag: String, entry: inout InFlightCommand<Promise, Continuation>) -> Action {
        switch entry.receiver {
        case .collecting:
            if let limit = entry.hold(reply.attributes, within: limits) {
                return abandon(entry, tag: tag, error: error(.replyTooLarge, command: entry.command, limit: limit))
            }
            entry.append(Row(reply.attributes))
            inFlight[tag] = entry
            return .none
        case .streaming(let continuation):
            inFlight[tag] = entry
            return .yield(Row(reply.attributes), to: continuation, tag: tag)
        case .abandoned:
            inFlight[tag] = entry
            return .none
        }
    }

    private mutating func trap(_ reply: Reply, tag: String, entry: inout InFlightCommand<Promise, Continuation>) -> Action {
        switch entry.receiver {
        case .collecting, .streaming:
            if let limit = entry.hold(reply.attributes, within: limits) {
                return abandon(entry, tag: tag, error: error(.replyTooLarge, command: entry.command, limit: limit))
            }
            entry.traps.append(RouterOSTrap(
                category: reply["category"].flatMap(Int.init).flatMap(TrapCategory.init(rawValue:)),
                message: reply["message"] ?? "",
                command: entry.command
            ))
        case .abandoned:
            break
        }
        inFlight[tag] = entry
        return .none
    }

    /// `!done`: the command is over and its tag free again.
    private mutating func finish(_ entry: InFlightCommand<Promise, Continuation>, tag: String, done: Reply) -> Action {
        switch entry.receiver {
        case .collecting(let promise, let rows):
            if !entry.traps.isEmpty {
                return .fail(.collect(promise), error(.trap, command: entry.command, traps: entry.traps), tag: tag, cancel: nil)
            }
            return .succeed(promise, Response(rows: rows, done: done), tag: tag)
        case .streaming(let continuation):
            backedUpStreams.remove(tag)
            // A stream we cancelled ends with `interrupted`: that is its normal end.
            let failures = entry.traps.filter { $0.category != .interrupted }
            if !failures.isEmpty {
                return .fail(.stream(continuation), error(.trap, command: entry.command, traps: failures), tag: tag, cancel: nil)
            }
            return .finish(continuation, tag: tag)
        case .abandoned:
            return .none
        }
    }

    // MARK: - Events from the handler

    /// The timer of the command with `tag` fired. Unless `!done` came first, the command fails
    /// with ``RouterOSError/Code/timedOut``; its late replies are dropped.
    mutating func timedOut(tag: String) -> Action {
        guard let entry = inFlight[tag], let timeout = entry.timeout, let caller = entry.caller else { return .none }
        inFlight[tag] = entry.abandoned
        var timedOut = error(.timedOut, command: entry.command)
        timedOut.timeout = timeout
        return .fail(caller, timedOut, tag: tag, cancel: nil)
    }

    /// The stream with `tag` holds ``ReplyLimits/maximumRows`` rows its consumer has not taken
    /// (reading paused too late to hold it back): it fails with ``RouterOSError/Code/replyTooLarge``
    /// and the router is asked to stop it.
    mutating func streamFellBehind(tag: String) -> Action {
        guard let entry = inFlight.removeValue(forKey: tag) else { return .none }
        return abandon(entry, tag: tag, error: error(.replyTooLarge, command: entry.command, limit: .rows(limits.maximumRows)))
    }

    /// The consumer of the stream with `tag` fell behind: reading pauses (``isReadingPaused``)
    /// until ``streamDrained(tag:)`` or the stream's end.
    mutating func streamBackedUp(tag: String) {
        guard case .streaming? = inFlight[tag]?.receiver else { return }
        backedUpStreams.insert(tag)
    }

    /// The consumer of the stream with `tag` caught up: unless another stream is behind, reading resumes.
    mutating func streamDrained(tag: String) {
        backedUpStreams.remove(tag)
    }

    /// The pipeline reported `error` (a framing error, a TLS failure): the connection is failed.
    mutating func errorCaught(_ error: Error) -> Action {
        switch state {
        case .active:
            return failAll(.connectionLost, Closure(reason: FailureWords.of(error), cause: error), close: true)
        case .closing, .closed:
            return .none
        }
    }

    /// The channel went inactive.
    mutating func channelInactive() -> Action {
        switch state {
        case .active:
            let closure = Closure(reason: "connection closed by the router")
            let action = failAll(.connectionLost, closure, close: false)
            state = .closed(closure)
            return action
        case .closing(let closure):
            state = .closed(closure)
            return .none
        case .closed:
            return .none
        }
    }

    // MARK: - Transitions

    /// Puts `entry` (taken out of ``inFlight``) back abandoned and, unless it was abandoned
    /// already, fails its caller with `error` and asks the router to stop the command.
    private mutating func abandon(_ entry: InFlightCommand<Promise, Continuation>, tag: String, error: Error) -> Action {
        inFlight[tag] = entry.abandoned
        backedUpStreams.remove(tag)
        guard let caller = entry.caller else { return .none }
        return .fail(caller, error, tag: tag, cancel: cancelCommand(for: tag))
    }

    /// `/cancel` for `tag`, held as an abandoned command of its own; nil when its tag is taken.
    private mutating func cancelCommand(for tag: String) -> Sentence? {
        let cancelTag = "cancel-\(tag)"
        guard inFlight[cancelTag] == nil else { return nil }
        let command = Command("/cancel", ["tag": tag], tag: cancelTag)
        inFlight[cancelTag] = InFlightCommand(command: command.description, timeout: nil, receiver: .abandoned)
        return command.sentence
    }

    private mutating func protocolViolation(_ why: String) -> Action {
        errorCaught(ProtocolError.malformedSentence(why))
    }

    /// Fails every command still awaited with `code` for `closure` and moves to closing.
    private mutating func failAll(_ code: RouterOSError.Code, _ closure: Closure, close: Bool) -> Action {
        let failures = inFlight.values.compactMap { entry in
            entry.caller.map { ($0, error(code, command: entry.command, reason: closure.reason, underlying: closure.cause)) }
        }
        inFlight = [:]
        backedUpStreams = []
        state = .closing(closure)
        return .failAll(failures, close: close)
    }

    /// A command's error at this connection's router.
    private func error(
        _ code: RouterOSError.Code, command: String, reason: String? = nil, traps: [RouterOSTrap] = [],
        limit: ReplyLimit? = nil, underlying: (any Error)? = nil
    ) -> RouterOSError {
        RouterOSError(code, stage: .command, target: target, command: command, traps: traps, reason: reason,
                      replyLimit: limit, underlying: underlying)
    }
}
