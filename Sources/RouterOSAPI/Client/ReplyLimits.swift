/// How much of one command's reply the client holds before it gives up on the command, and
/// how far a stream's consumer may fall behind before reading pauses.
///
/// A collected reply (``RouterOSClient/execute(_:)``) is kept whole until its `!done`; a router
/// that keeps sending `!re` would otherwise grow the client without bound. Past a limit the
/// command fails with ``RouterOSError/Code/replyTooLarge``, the client sends `/cancel` for it
/// and drops whatever else arrives for it; the connection stays usable.
///
/// A stream (``RouterOSClient/stream(_:)``) hands rows on as they come. Past
/// ``streamHighWater`` rows its consumer has not taken, the client stops reading from the
/// connection until the consumer is down to ``streamLowWater`` (see ``ReplyStream``).
/// ``maximumRows`` untaken rows stay the hard cap: past it the stream fails the same way.
public struct ReplyLimits: Hashable, Sendable {
    /// Most replies (`!re` and `!trap`) held for one command.
    public var maximumRows: Int
    /// Most bytes of attribute names and values held for one command.
    public var maximumBytes: Int
    /// Untaken stream rows past which reading from the connection pauses.
    public var streamHighWater: Int
    /// Untaken stream rows at which paused reading resumes.
    public var streamLowWater: Int

    public init(maximumRows: Int, maximumBytes: Int, streamHighWater: Int = 8_192, streamLowWater: Int = 2_048) {
        self.maximumRows = maximumRows
        self.maximumBytes = maximumBytes
        self.streamHighWater = streamHighWater
        self.streamLowWater = streamLowWater
    }

    /// 1,000,000 rows, 256 MiB: far above any configuration menu, below what hurts a small
    /// machine; streams pause past 8,192 untaken rows and resume at 2,048.
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
