/// The rows of a command that keeps replying (`listen`, `print follow`, monitors) until it is cancelled.
///
/// Iterate it with `for try await row in stream`. Ending the iteration early, or calling
/// ``cancel()``, sends `/cancel` for its tag; the stream then finishes without error.
public struct ReplyStream: AsyncSequence, Sendable {
    public typealias Element = Row

    /// The `.tag` the command was sent with.
    public let tag: String
    let rows: AsyncThrowingStream<Row, Error>
    let client: RouterOSClient

    public func makeAsyncIterator() -> AsyncThrowingStream<Row, Error>.AsyncIterator {
        rows.makeAsyncIterator()
    }

    /// Asks the router to stop the command; it answers `interrupted` and then `!done`, which ends the stream.
    public func cancel() async throws {
        try await client.cancel(tag: tag)
    }
}
