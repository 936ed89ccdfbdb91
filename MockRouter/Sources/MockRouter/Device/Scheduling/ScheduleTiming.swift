import Foundation
import RouterModel

/// When a `/system/scheduler` entry runs, read from its printed properties.
///
/// DOC (manual "Scheduler"): with `interval` 0 the event runs once, at its start time; otherwise
/// at the start time and every interval after it. `start-time=startup` runs it 3 s after the
/// router starts when the interval is 0; with an interval it does not run at startup but every
/// interval after it.
struct ScheduleTiming: Hashable, Sendable {
    enum Start: Hashable, Sendable {
        case at(Date)
        case startup
    }

    let start: Start
    /// Nil for `0s`: the event runs once.
    let interval: TimeInterval?

    /// How long after startup a `startup` event runs (DOC).
    static let startupDelay: TimeInterval = 3

    /// The timing of an entry with these properties; nil when its start cannot be read.
    init?(_ properties: Entry.Properties) {
        let milliseconds = properties["interval"].flatMap(RouterOSDuration.milliseconds) ?? 0
        interval = milliseconds > 0 ? TimeInterval(milliseconds) / 1000 : nil
        if properties["start-time"] == "startup" {
            start = .startup
            return
        }
        guard let day = properties["start-date"].flatMap(RouterClock.parseDate),
              let seconds = properties["start-time"].flatMap(RouterClock.parseTime) else { return nil }
        start = .at(day.addingTimeInterval(TimeInterval(seconds)))
    }

    /// The first run strictly after `instant`, on a router that started at `bootedAt`; nil when
    /// the event will not run again.
    func firstRun(after instant: Date, bootedAt: Date) -> Date? {
        let origin: Date
        switch (start, interval) {
        case (.at(let date), _): origin = date
        case (.startup, nil): origin = bootedAt.addingTimeInterval(Self.startupDelay)
        case (.startup, let interval?): origin = bootedAt.addingTimeInterval(interval)
        }
        if origin > instant { return origin }
        guard let interval else { return nil }
        let elapsed = instant.timeIntervalSince(origin)
        return origin.addingTimeInterval((floor(elapsed / interval) + 1) * interval)
    }
}
