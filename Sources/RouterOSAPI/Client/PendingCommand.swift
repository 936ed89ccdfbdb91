import NIOCore

/// The connection state machine as the client runs it: collected replies complete NIO
/// promises, streamed ones feed ``StreamFeed``s.
typealias ClientStateMachine = ConnectionStateMachine<EventLoopPromise<Response>, StreamFeed>

/// Where a stream's rows go, and the count of those its consumer has not taken yet.
struct StreamFeed: Sendable {
    let continuation: AsyncThrowingStream<Row, Error>.Continuation
    let demand: StreamDemand
}

extension ClientStateMachine.Caller {
    /// Fails the caller; a no-op when it already completed.
    func fail(_ error: Error) {
        switch self {
        case .collect(let promise): promise.fail(error)
        case .stream(let feed): feed.continuation.finish(throwing: error)
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
    /// The consumer of the stream with `tag` caught up (see ``StreamDemand``): reading may resume.
    case streamDrained(tag: String, StreamDemand)
}
