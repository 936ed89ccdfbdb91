extension ConnectionStateMachine {
    /// Who waits for a command's replies, and so how they are delivered.
    enum Caller {
        /// Rows are kept until `!done`, then `Promise` gets one ``Response``. Subject to the command's timeout.
        case collect(Promise)
        /// Rows are handed to `Continuation` as they come, until `!done`. Never timed out.
        case stream(Continuation)
    }
}

extension ConnectionStateMachine.Caller: Sendable where Promise: Sendable, Continuation: Sendable {}
