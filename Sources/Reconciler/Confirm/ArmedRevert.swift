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
        guard let date = clock?["date"], let time = clock?["time"], let fire = firingTime(date: date, time: time, after: window) else {
            throw ConfirmError(reason: "the router did not say its date and time (/system/clock), so the revert cannot be scheduled")
        }
        let name = prefix + String(UInt32.random(in: 0...UInt32.max), radix: 16)
        var script = Command("/system/script/add", ["name": name, "source": RevertScript.render(plan, name: name, schema: schema)])
        script.sensitive = ["source"]
        _ = try await session.execute(script)
        do {
            _ = try await session.execute(Command("/system/scheduler/add", [
                "name": name, "start-date": fire.date, "start-time": fire.time, "interval": "0s",
                "on-event": "/system script run \(name)", "comment": "rosplay: reverts an unconfirmed apply; rosplay confirm removes it",
            ]))
        } catch {
            try? await remove(named: { $0 == name }, from: "/system/script", on: session)
            throw error
        }
        return ArmedRevert(name: name, firesAt: "\(fire.date) \(fire.time)")
    }

    /// `window` (rounded up to whole seconds) after the router's `date` and `time`, written the
    /// way the router writes them.
    static func firingTime(date: String, time: String, after window: Duration) -> (date: String, time: String)? {
        guard let day = RouterClock.parseDate(date), let seconds = RouterClock.parseTime(time) else { return nil }
        let extra = Int(window.components.seconds) + (window.components.attoseconds > 0 ? 1 : 0)
        let fire = day.addingTimeInterval(TimeInterval(seconds + extra))
        return (RouterClock.formatDate(fire, iso: !RouterClock.isLegacyDate(date)), RouterClock.formatTime(fire))
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
