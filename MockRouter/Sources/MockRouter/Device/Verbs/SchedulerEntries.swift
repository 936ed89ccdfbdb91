import Foundation
import RouterModel

/// `/system/script` and `/system/scheduler` entries: owner, counters, start and next run.
extension CommandExecution {
    /// A new script belongs to the user who adds it and has not run yet (DOC print: `owner="admin" … run-count=0`).
    func deriveScript(_ properties: inout Entry.Properties) {
        if properties["owner"] == nil { properties["owner"] = user.name }
        if properties["run-count"] == nil { properties["run-count"] = "0" }
    }

    /// A scheduler entry: owned by the user who adds it; `start-date` and `start-time` printed as
    /// the configured version prints them, the moment of adding when not given (docs' prints);
    /// `next-run` when it will run again (its form assumed: `2026-12-02 14:05:09`).
    func deriveScheduler(_ properties: inout Entry.Properties, at now: Date) throws {
        deriveScript(&properties)
        if let time = properties["start-time"], time != "startup" {
            guard let seconds = RouterClock.parseTime(time) else { throw CommandTrap(TrapText.invalidArgument("start-time")) }
            properties["start-time"] = RouterClock.formatTime(Date(timeIntervalSince1970: TimeInterval(seconds)))
        } else if properties["start-time"] == nil {
            properties["start-time"] = RouterClock.formatTime(now)
        }
        if let date = properties["start-date"] {
            guard let day = RouterClock.parseDate(date) else { throw CommandTrap(TrapText.invalidArgument("start-date")) }
            properties["start-date"] = RouterClock.formatDate(day, version: version)
        } else {
            properties["start-date"] = RouterClock.formatDate(now, version: version)
        }
        properties["next-run"] = Self.nextRun(of: properties, after: now, bootedAt: now, version: version)
    }

    /// What `next-run` prints for an entry at `now`; nil when it will not run again (or runs at startup).
    static func nextRun(of properties: Entry.Properties, after now: Date, bootedAt: Date, version: RouterOSVersion) -> String? {
        guard properties["start-time"] != "startup", let timing = ScheduleTiming(properties),
              let next = timing.firstRun(after: now, bootedAt: bootedAt) else { return nil }
        return RouterClock.formatDate(next, version: version) + " " + RouterClock.formatTime(next)
    }

    /// Refuses what would let a scheduler entry run on a router whose device-mode disables the
    /// scheduler: `add`, `set`, `enable` (3P: `/system/scheduler/add` answered `failure: not allowed
    /// by device-mode`). `remove` and `disable` stay allowed, so a client can clean up.
    func checkDeviceMode(_ verb: String) throws {
        guard menu == "/system/scheduler", !deviceMode.scheduler, ["add", "set", "enable"].contains(verb) else { return }
        throw CommandTrap(TrapText.notAllowedByDeviceMode)
    }
}
