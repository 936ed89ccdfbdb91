/// How much of one command's reply the client holds before it gives up on the command.
///
/// A collected reply (``RouterOSClient/execute(_:)``) is kept whole until its `!done`; a router
/// that keeps sending `!re` would otherwise grow the client without bound. Past a limit the
/// command fails with ``RouterOSError/replyTooLarge(command:limit:)``, the client sends `/cancel`
/// for it and drops whatever else arrives for it; the connection stays usable.
///
/// A stream (``RouterOSClient/stream(_:)``) hands rows on as they come; it holds at most
/// ``maximumRows`` rows its consumer has not taken yet, and fails the same way past that.
public struct ReplyLimits: Hashable, Sendable {
    /// Most replies (`!re` and `!trap`) held for one command.
    public var maximumRows: Int
    /// Most bytes of attribute names and values held for one command.
    public var maximumBytes: Int

    public init(maximumRows: Int, maximumBytes: Int) {
        self.maximumRows = maximumRows
        self.maximumBytes = maximumBytes
    }

    /// 1,000,000 rows, 256 MiB: far above any configuration menu, below what hurts a small machine.
    public static let `default` = ReplyLimits(maximumRows: 1_000_000, maximumBytes: 256 << 20)
}

/// Which of the ``ReplyLimits`` a reply went past.
public enum ReplyLimit: Hashable, Sendable, CustomStringConvertible {
    /// More than this many rows.
    case rows(Int)
    /// More than this many bytes.
    case bytes(Int)

    public var description: String {
        switch self {
        case .rows(let limit): return "more than \(limit) rows"
        case .bytes(let limit): return "more than \(limit) bytes"
        }
    }
}
