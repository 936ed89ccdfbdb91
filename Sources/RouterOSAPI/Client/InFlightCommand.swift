/// A command the router has not finished (no `!done` yet), and what its replies so far amount to.
///
/// `Promise` and `Continuation` are where the replies go; only the channel handler looks inside them.
struct InFlightCommand<Promise, Continuation> {
    /// Who still wants the replies.
    enum Receiver {
        /// A caller waiting for the whole reply: rows are kept until `!done`.
        case collecting(Promise, rows: [Row])
        /// A stream's consumer: rows are handed on as they come.
        case streaming(Continuation)
        /// Nobody: the caller gave up (timed out, cancelled, reply too large) or the client sent the
        /// command for itself (`/cancel`). Its replies are dropped; the tag stays held until `!done`
        /// so that a late reply is recognised rather than taken for a protocol error.
        case abandoned
    }

    /// The command for errors, secrets redacted.
    let command: String
    /// How long the command may wait for its `!done`; nil: as long as the connection lives.
    let timeout: Duration?
    var receiver: Receiver
    /// `!trap`s so far; reported at `!done`.
    var traps: [RouterOSTrap] = []
    /// Replies held (rows and traps) so far.
    var heldReplies = 0
    /// Bytes of attribute names and values held so far.
    var heldBytes = 0

    /// Counts `attributes` as one more held reply; returns the limit this passes, if any.
    mutating func hold(_ attributes: [Attribute], within limits: ReplyLimits) -> ReplyLimit? {
        heldReplies += 1
        heldBytes += attributes.reduce(0) { $0 + $1.name.utf8.count + $1.value.bytes.count }
        if heldReplies > limits.maximumRows { return .rows(limits.maximumRows) }
        if heldBytes > limits.maximumBytes { return .bytes(limits.maximumBytes) }
        return nil
    }

    /// Adds `row` to a collecting command's rows in place (the caller holds the only copy of `self`).
    mutating func append(_ row: Row) {
        guard case .collecting(let promise, var rows) = receiver else { return }
        receiver = .abandoned  // drops the second reference to `rows`, so that the append does not copy them
        rows.append(row)
        receiver = .collecting(promise, rows: rows)
    }

    /// This command with nobody waiting for it: what it held is dropped, its tag stays held.
    var abandoned: InFlightCommand {
        InFlightCommand(command: command, timeout: timeout, receiver: .abandoned)
    }

    /// Who waits for the command, unless it was abandoned.
    var caller: ConnectionStateMachine<Promise, Continuation>.Caller? {
        switch receiver {
        case .collecting(let promise, _): return .collect(promise)
        case .streaming(let continuation): return .stream(continuation)
        case .abandoned: return nil
        }
    }
}
