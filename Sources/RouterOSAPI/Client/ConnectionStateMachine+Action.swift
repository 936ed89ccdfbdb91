extension ConnectionStateMachine {
    /// What the channel handler must do with a command the client writes.
    enum SendAction {
        /// Send the command's sentence; when `timeout` is given, report
        /// ``ConnectionStateMachine/timedOut(tag:)`` after it.
        case write(Sentence, tag: String, timeout: Duration?)
        /// Do not send the command: fail the write with `error` (the writer then fails its caller).
        case refuse(RouterOSError)
    }

    /// What the channel handler must do after any other event. The state machine has already
    /// updated itself.
    enum Action {
        /// Nothing.
        case none
        /// Hand `row` to the stream; report ``ConnectionStateMachine/streamFellBehind(tag:)`` if
        /// its buffer is full, ``ConnectionStateMachine/streamBackedUp(tag:)`` if its consumer
        /// is past the high-water mark.
        case yield(Row, to: Continuation, tag: String)
        /// A collected command finished: succeed `promise` with the response, stop the command's timer.
        case succeed(Promise, Response, tag: String)
        /// A stream finished cleanly: finish it.
        case finish(Continuation, tag: String)
        /// Fail `caller` with `error` and stop the command's timer. When `cancel` is given, write
        /// it: it asks the router to stop the command, whose replies are dropped from now on.
        case fail(Caller, Error, tag: String, cancel: Sentence?)
        /// Fail each caller with its error and stop every timer; close the channel when `close`.
        case failAll([(Caller, RouterOSError)], close: Bool)
    }
}
