import NIOConcurrencyHelpers

/// How far a stream's consumer is behind, shared by the channel handler, which hands rows on,
/// and the consumer, which takes them.
///
/// Past ``highWater`` rows not yet taken the stream is *backed up*: the handler stops reading
/// from the connection. Once the consumer brings it down to ``lowWater`` it is no longer backed
/// up, and the consumer asks the handler to read again. The two marks apart keep the
/// connection from pausing and resuming at every row.
final class StreamDemand: Sendable {
    private struct Counts {
        var buffered = 0
        var backedUp = false
    }

    private let counts = NIOLockedValueBox(Counts())
    let highWater: Int
    let lowWater: Int

    init(highWater: Int, lowWater: Int) {
        self.highWater = highWater
        self.lowWater = min(lowWater, highWater)
    }

    /// Rows handed on and not yet taken.
    var buffered: Int { counts.withLockedValue(\.buffered) }

    /// True from passing ``highWater`` until coming down to ``lowWater``.
    var isBackedUp: Bool { counts.withLockedValue(\.backedUp) }

    /// A row was handed to the stream. Returns true when this backed the stream up.
    func rowAdded() -> Bool {
        counts.withLockedValue { counts in
            counts.buffered += 1
            guard counts.buffered > highWater, !counts.backedUp else { return false }
            counts.backedUp = true
            return true
        }
    }

    /// The consumer took a row. Returns true when this ended a backed-up spell.
    func rowTaken() -> Bool {
        counts.withLockedValue { counts in
            counts.buffered -= 1
            guard counts.backedUp, counts.buffered <= lowWater else { return false }
            counts.backedUp = false
            return true
        }
    }
}
