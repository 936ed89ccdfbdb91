/// The rows of a command that keeps replying (`listen`, `print follow`, monitors) or that
/// returns more than is worth holding at once, as they come.
///
/// Iterate it with `for try await row in stream`. Ending the iteration early, or calling
/// ``cancel()``, sends `/cancel` for its tag; the stream then finishes without error.
///
/// A consumer slower than the router gets backpressure: once ``ReplyLimits/streamHighWater``
/// rows wait for it, the client stops reading from the connection until it has taken all but
/// ``ReplyLimits/streamLowWater`` of them. That pauses the *whole* connection — every other
/// command on it waits too (and may time out); give a slow stream a connection of its own.
public struct ReplyStream: AsyncSequence, Sendable {
    public typealias Element = Row

    /// The `.tag` the command was sent with.
    public let tag: String
    let rows: AsyncThrowingStream<Row, Error>
    let demand: StreamDemand
    let client: RouterOSClient

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(rows: rows.makeAsyncIterator(), demand: demand) { [client, tag, demand] in
            client.streamDrained(tag: tag, demand)
        }
    }

    /// Asks the router to stop the command; it answers `interrupted` and then `!done`, which ends the stream.
    public func cancel() async throws {
        try await client.cancel(tag: tag)
    }

    /// Rows received and not yet taken by the consumer.
    package var bufferedRows: Int { demand.buffered }

    /// Takes the rows one by one, counting them off the stream's demand.
    public struct AsyncIterator: AsyncIteratorProtocol {
        var rows: AsyncThrowingStream<Row, Error>.AsyncIterator
        let demand: StreamDemand
        let drained: @Sendable () -> Void

        public mutating func next() async throws -> Row? {
            let row = try await rows.next()
            if row != nil, demand.rowTaken() { drained() }
            return row
        }
    }
}
