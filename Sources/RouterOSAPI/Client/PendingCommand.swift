import NIOCore

/// The connection state machine as the client runs it: collected replies complete NIO
/// promises, streamed ones feed `AsyncThrowingStream`s.
typealias ClientStateMachine = ConnectionStateMachine<EventLoopPromise<Response>, AsyncThrowingStream<Row, Error>.Continuation>

extension ClientStateMachine.Caller {
    /// Fails the caller; a no-op when it already completed.
    func fail(_ error: Error) {
        switch self {
        case .collect(let promise): promise.fail(error)
        case .stream(let continuation): continuation.finish(throwing: error)
        }
    }
}

/// A command on its way out, with who waits for its replies.
struct PendingCommand: Sendable {
    var command: Command
    var caller: ClientStateMachine.Caller
    /// Overrides the connection's command timeout for this command.
    var timeout: Duration?
}

/// What the client asks of its connection's ``CommandRouter``.
enum ClientRequest: Sendable {
    /// Send a command.
    case send(PendingCommand)
    /// The caller of the command with `tag` is gone: stop waiting for it and ask the router to stop it.
    case cancel(tag: String)
}
