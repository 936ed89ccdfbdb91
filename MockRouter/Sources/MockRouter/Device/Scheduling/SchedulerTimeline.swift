import Foundation

/// What the scheduler remembers between ticks: when each entry was first seen with its present
/// timing, and when it last fired, so that every occurrence fires once and only once.
///
/// An occurrence counts only after the entry was seen with that timing: an entry added (or set)
/// with a start in the past does not fire for it, as on RouterOS (a one-shot in the past never runs).
struct SchedulerTimeline: Sendable {
    private struct Record: Sendable {
        var timing: ScheduleTiming
        /// Occurrences up to this instant are done (seen before, or fired).
        var doneUntil: Date
    }

    /// When the router (last) started, for `start-time=startup`.
    private(set) var bootedAt: Date
    private var records: [Int: Record] = [:]

    init(bootedAt: Date) {
        self.bootedAt = bootedAt
    }

    /// Forgets every entry, as a reboot does.
    mutating func reboot(at instant: Date) {
        bootedAt = instant
        records = [:]
    }

    /// The entries of `entries` (in scheduler order, the order they run in) that are due at `now`;
    /// they count as fired. Disabled entries and entries whose start cannot be read never are.
    mutating func due(_ entries: [Entry], at now: Date) -> [Entry] {
        var due: [Entry] = []
        var seen: [Int: Record] = [:]
        for entry in entries where entry.properties["disabled"] != "true" {
            guard let timing = ScheduleTiming(entry.properties) else { continue }
            var record = records[entry.number].flatMap { $0.timing == timing ? $0 : nil }
                ?? Record(timing: timing, doneUntil: firstSight(of: timing, at: now))
            if let next = timing.firstRun(after: record.doneUntil, bootedAt: bootedAt), next <= now {
                due.append(entry)
                record.doneUntil = now
            }
            seen[entry.number] = record
        }
        records = seen
        return due
    }

    /// Records when entries were added or changed, at the moment they were (not at the next
    /// tick, which a busy machine can delay past a start a few seconds away): an entry's
    /// occurrences count from then.
    mutating func notice(_ entries: [Entry], at now: Date) {
        for entry in entries {
            guard let timing = ScheduleTiming(entry.properties), records[entry.number]?.timing != timing else { continue }
            records[entry.number] = Record(timing: timing, doneUntil: firstSight(of: timing, at: now))
        }
    }

    /// Where the occurrences of an entry first seen at `now` start counting: a `startup` event's
    /// from the boot (it may be seen only after its 3 s), any other's from now.
    private func firstSight(of timing: ScheduleTiming, at now: Date) -> Date {
        timing.start == .startup ? bootedAt : now
    }
}
