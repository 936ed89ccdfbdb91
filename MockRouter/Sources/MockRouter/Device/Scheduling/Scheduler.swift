import Foundation
import NIOConcurrencyHelpers

/// The router's scheduler: a task of its own, tied to no session, that every ``tick`` fires the
/// `/system/scheduler` entries that are due. It holds the device weakly and ends with it, or at ``stop()``.
final class Scheduler: Sendable {
    /// How often due entries are looked for: a run is at most this late.
    static let tick: Duration = .milliseconds(100)

    private let task = NIOLockedValueBox<Task<Void, Never>?>(nil)
    private let timeline = NIOLockedValueBox(SchedulerTimeline(bootedAt: Date()))

    /// Starts ticking for `device`.
    func start(for device: RouterDevice) {
        let ticking = Task { [weak device] in
            while !Task.isCancelled {
                try? await Task.sleep(for: Self.tick)
                guard let device, !Task.isCancelled else { return }
                device.fireDueSchedulerEntries(at: Date())
            }
        }
        task.withLockedValue { $0 = ticking }
    }

    /// Stops ticking; an entry firing now finishes its current line (see ``RouterDevice/stop()``).
    func stop() {
        task.withLockedValue { task in
            task?.cancel()
            task = nil
        }
    }

    /// Forgets every entry and restarts the startup clock, as a reboot does.
    func reboot(at instant: Date) {
        timeline.withLockedValue { $0.reboot(at: instant) }
    }

    var bootedAt: Date {
        timeline.withLockedValue { $0.bootedAt }
    }

    /// Entries were added or changed at `now`: see ``SchedulerTimeline/notice(_:at:)``.
    func notice(_ entries: [Entry], at now: Date) {
        timeline.withLockedValue { $0.notice(entries, at: now) }
    }

    /// The entries due at `now`, in order; they count as fired.
    func due(_ entries: [Entry], at now: Date) -> [Entry] {
        timeline.withLockedValue { $0.due(entries, at: now) }
    }
}
