import Foundation
import RouterModel
import RouterOSAPI

/// A revert installed on the router by `rosplay apply --confirm-within`: a `/system/script`
/// holding ``RevertScript`` and a `/system/scheduler` entry, both named `rosplay-revert-TOKEN`,
/// that runs it once when the window expires unless `rosplay confirm` (or the apply itself,
/// over a new connection) removes them first.
public struct ArmedRevert: Sendable, Equatable {
    /// Names of rosplay's revert scripts and scheduler entries start with this.
    public static let prefix = "rosplay-revert-"

    public var name: String
    /// When the router runs it, by the router's clock (`2026-12-02 14:05:00`).
    public var firesAt: String

    /// Installs the revert of `plan`, to fire `window` from now by the router's clock.
    /// - Throws: ``ConfirmError`` when the router cannot run it (device-mode disables the scheduler).
    public static func arm(_ plan: Plan, schema: RouterSchema, within window: Duration, on session: any RouterSession) async throws -> ArmedRevert {
        try await checkDeviceMode(on: session)
        let clock = try await session.execute(Command("/system/clock/print")).rows.first
        guard let date = clock?["date"], let time = clock?["time"], let now = RouterClock(date: date, time: time) else {
            throw ConfirmError(reason: "the router did not say its date and time (/system/clock), so the revert cannot be scheduled")
        }
        let fire = now.adding(seconds: Int(window.components.seconds) + (window.components.attoseconds > 0 ? 1 : 0))
        let name = prefix + String(UInt32.random(in: 0...UInt32.max), radix: 16)
        var script = Command("/system/script/add", ["name": name, "source": RevertScript.render(plan, name: name, schema: schema)])
        script.sensitive = ["source"]
        _ = try await session.execute(script)
        do {
            _ = try await session.execute(Command("/system/scheduler/add", [
                "name": name, "start-date": fire.dateText, "start-time": fire.timeText, "interval": "0s",
                "on-event": "/system script run \(name)", "comment": "rosplay: reverts an unconfirmed apply; rosplay confirm removes it",
            ]))
        } catch {
            try? await remove(named: { $0 == name }, from: "/system/script", on: session)
            throw error
        }
        return ArmedRevert(name: name, firesAt: "\(fire.dateText) \(fire.timeText)")
    }

    /// The reverts armed on the router, from its scheduler.
    public static func armed(on session: any RouterSession) async throws -> [ArmedRevert] {
        let rows = try await session.execute(Command("/system/scheduler/print", [".proplist": ".id,name,start-date,start-time"])).rows
        return rows.compactMap { row in
            guard let name = row["name"], name.hasPrefix(prefix) else { return nil }
            return ArmedRevert(name: name, firesAt: [row["start-date"], row["start-time"]].compactMap { $0 }.joined(separator: " "))
        }
    }

    /// Removes every armed revert (scheduler entry first, then its script); returns what it removed.
    public static func disarm(on session: any RouterSession) async throws -> [ArmedRevert] {
        let reverts = try await armed(on: session)
        for menu in ["/system/scheduler", "/system/script"] {
            try await remove(named: { $0.hasPrefix(prefix) }, from: menu, on: session)
        }
        return reverts
    }

    /// Removes the entries of `menu` whose name satisfies `chosen`, by their `.id`s as printed now.
    private static func remove(named chosen: (String) -> Bool, from menu: String, on session: any RouterSession) async throws {
        let rows = try await session.execute(Command(menu + "/print", [".proplist": ".id,name"])).rows
        let ids = rows.filter { $0["name"].map(chosen) == true }.compactMap { $0[".id"] }
        guard !ids.isEmpty else { return }
        _ = try await session.execute(Command(menu + "/remove", [".id": ids.joined(separator: ",")]))
    }

    /// Refuses when RouterOS's device-mode has the scheduler turned off (7.17+); older versions
    /// have no device-mode and always run the scheduler.
    static func checkDeviceMode(on session: any RouterSession) async throws {
        let mode: Row?
        do {
            mode = try await session.execute(Command("/system/device-mode/print")).rows.first
        } catch let error as RouterOSError where error.trap != nil {
            return
        }
        if let scheduler = mode?["scheduler"], scheduler == "no" || scheduler == "false" {
            throw ConfirmError(reason: "RouterOS device-mode has the scheduler disabled (/system/device-mode scheduler=\(scheduler)), so the router "
                + "could not revert by itself; enabling it needs physical access to the router (/system/device-mode/update scheduler=yes)")
        }
    }
}

/// Why a confirmed apply cannot be armed.
public struct ConfirmError: Error, CustomStringConvertible {
    public let reason: String
    public var description: String { "--confirm-within: \(reason)" }
}

/// The router's wall clock as `/system/clock` prints it: `2026-12-02` (7.10+) or `dec/02/2026`, and `14:05:00`.
struct RouterClock: Equatable {
    var year: Int, month: Int, day: Int
    var seconds: Int
    /// True when the router printed the pre-7.10 `dec/02/2026` form: answer in the same form.
    var oldDateForm: Bool

    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    init?(date: String, time: String) {
        let timeParts = time.split(separator: ":").compactMap { Int($0) }
        guard timeParts.count == 3, (0..<24).contains(timeParts[0]), (0..<60).contains(timeParts[1]), (0..<61).contains(timeParts[2]) else { return nil }
        seconds = timeParts[0] * 3600 + timeParts[1] * 60 + timeParts[2]
        let iso = date.split(separator: "-")
        let old = date.split(separator: "/")
        if iso.count == 3, let year = Int(iso[0]), let month = Int(iso[1]), let day = Int(iso[2]) {
            (self.year, self.month, self.day, oldDateForm) = (year, month, day, false)
        } else if old.count == 3, let month = Self.months.firstIndex(of: old[0].lowercased()), let day = Int(old[1]), let year = Int(old[2]) {
            (self.year, self.month, self.day, oldDateForm) = (year, month + 1, day, true)
        } else {
            return nil
        }
        guard (1...12).contains(month), (1...31).contains(day), (1970...9999).contains(year) else { return nil }
    }

    /// The clock `seconds` later, across midnight and month ends.
    func adding(seconds extra: Int) -> RouterClock {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let start = calendar.date(from: DateComponents(year: year, month: month, day: day))!.addingTimeInterval(TimeInterval(seconds + extra))
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: start)
        var later = self
        (later.year, later.month, later.day) = (parts.year!, parts.month!, parts.day!)
        later.seconds = parts.hour! * 3600 + parts.minute! * 60 + parts.second!
        return later
    }

    var dateText: String {
        oldDateForm ? Self.months[month - 1] + String(format: "/%02d/%04d", day, year) : String(format: "%04d-%02d-%02d", year, month, day)
    }

    var timeText: String {
        String(format: "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
    }
}
