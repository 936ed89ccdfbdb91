import Foundation
import RouterModel
import RouterOSAPI

/// A revert installed on the router by `rosplay apply --confirm-within`: a `/system/script`
/// holding ``RevertScript`` and a `/system/scheduler` entry, both named `rosplay-revert-TOKEN`,
/// that runs it once when the window expires unless `rosplay confirm` (or the apply itself,
/// over a new connection) removes them first. Each apply disarms only its own, by name.
public struct ArmedRevert: Sendable {
    /// Names of rosplay's revert scripts and scheduler entries start with this.
    public static let prefix = "rosplay-revert-"

    public var name: String
    /// When the router runs it, by the router's clock (`2026-12-02 14:05:00`).
    public var firesAt: String
    /// For the revert this run armed: when it fires by this machine's clock. Nil for one read from the router.
    public var deadline: RevertDeadline?

    public init(name: String, firesAt: String, deadline: RevertDeadline? = nil) {
        self.name = name
        self.firesAt = firesAt
        self.deadline = deadline
    }

    /// Installs the revert of `plan`, to fire `window` from now by the router's clock; all or
    /// nothing: when adding the scheduler entry fails after the script was added, both are
    /// removed again (over a new connection from `cleanup` if this one was lost).
    /// - Throws: ``ConfirmError`` when the router cannot run it (device-mode disables the
    ///   scheduler), when another revert is armed, when the window is too short for the plan
    ///   (``ConfirmWindow``), or when arming failed part-way (saying what was removed or is left).
    public static func arm(_ plan: Plan, schema: RouterSchema, window: ConfirmWindow, on session: any RouterSession,
                           cleanup: Reconnector?) async throws -> ArmedRevert {
        let deviceModeTime = try await timed { try await checkDeviceMode(on: session) }.duration
        let inventory = try await RevertInventory.read(on: session)
        if let other = inventory.armed.first {
            throw ConfirmError(reason: "another revert is armed on the router (\(other.name), fires at \(other.firesAt) router time): "
                + "two reverts would undo overlapping changes in an order nobody chose. Confirm it first (rosplay confirm --name \(other.name)) "
                + "or wait until it has fired")
        }
        let clockRead = ContinuousClock.now
        let (clock, clockTime) = try await timed { try await session.execute(Command("/system/clock/print")).rows.first }
        // Of single commands: a slow router's time per command, plus the link's.
        let roundTrip = max(deviceModeTime, clockTime)
        guard let date = clock?["date"], let time = clock?["time"], let fire = firingTime(date: date, time: time, after: window.requested) else {
            throw ConfirmError(reason: "the router did not say its date and time (/system/clock), so the revert cannot be scheduled")
        }
        try window.check(roundTrip: roundTrip)
        let name = prefix + String(UInt32.random(in: 0...UInt32.max), radix: 16)
        var script = Command("/system/script/add", ["name": name, "source": RevertScript.render(plan, name: name, schema: schema)])
        script.sensitive = ["source"]
        do {
            _ = try await session.execute(script)
            _ = try await session.execute(Command("/system/scheduler/add", [
                "name": name, "start-date": fire.date, "start-time": fire.time, "interval": "0s",
                "on-event": "/system script run \(name)", "comment": "rosplay: reverts an unconfirmed apply; rosplay confirm removes it",
            ]))
        } catch {
            throw await unarm(name, after: error, on: session, cleanup: cleanup)
        }
        return ArmedRevert(name: name, firesAt: "\(fire.date) \(fire.time)",
                           deadline: RevertDeadline(clockRead: clockRead, window: window.requested, roundTrip: roundTrip))
    }

    /// After arming `name` failed part-way: removes what of it landed, on `session` or, when that
    /// was lost, a new connection; the error says what was removed or what may be left.
    private static func unarm(_ name: String, after error: Error, on session: any RouterSession, cleanup: Reconnector?) async -> ConfirmError {
        let failure = "could not arm the revert (\(error))"
        var over = ""
        var removed: (scheduler: Bool, script: Bool)
        do {
            removed = try await removeAll(named: name, on: session)
        } catch {
            do {
                guard let cleanup else { throw error }
                let fresh = try await cleanup.reconnect(progress: { _ in })
                removed = try await removeAll(named: name, on: fresh)
                over = " over a new connection"
            } catch {
                return ConfirmError(reason: "\(failure), nor remove what of it landed (\(error)): a script and a scheduler entry named \(name) "
                    + "may be left on the router; rosplay confirm removes them")
            }
        }
        let what = [removed.script ? "the revert script \(name)" : nil, removed.scheduler ? "the scheduler entry \(name)" : nil].compactMap { $0 }
        guard !what.isEmpty else { return ConfirmError(reason: "\(failure); nothing of it is left on the router") }
        return ConfirmError(reason: "\(failure); removed \(what.joined(separator: " and "))\(over), so nothing of it is left on the router")
    }

    /// Removes `name`'s scheduler entry, then its script; which of them were there.
    private static func removeAll(named name: String, on session: any RouterSession) async throws -> (scheduler: Bool, script: Bool) {
        let scheduler = try await remove(named: name, from: "/system/scheduler", on: session)
        return (scheduler, try await remove(named: name, from: "/system/script", on: session))
    }

    /// `window` (rounded up to whole seconds) after the router's `date` and `time`, written the
    /// way the router writes them.
    static func firingTime(date: String, time: String, after window: Duration) -> (date: String, time: String)? {
        guard let day = RouterClock.parseDate(date), let seconds = RouterClock.parseTime(time) else { return nil }
        let extra = Int(window.components.seconds) + (window.components.attoseconds > 0 ? 1 : 0)
        let fire = day.addingTimeInterval(TimeInterval(seconds + extra))
        return (RouterClock.formatDate(fire, iso: !RouterClock.isLegacyDate(date)), RouterClock.formatTime(fire))
    }

    /// Disarms the revert `name`: removes its scheduler entry and then its script. False when no
    /// scheduler entry of that name was there: the revert has fired (or someone disarmed it), and
    /// its script, which may be running, is left alone.
    public static func disarm(named name: String, on session: any RouterSession) async throws -> Bool {
        guard try await remove(named: name, from: "/system/scheduler", on: session) else { return false }
        _ = try await remove(named: name, from: "/system/script", on: session)
        return true
    }

    /// Removes the entries of `menu` called `name`, by their `.id`s as printed now; whether there was one.
    static func remove(named name: String, from menu: String, on session: any RouterSession) async throws -> Bool {
        let rows = try await session.execute(Command(menu + "/print", [".proplist": ".id,name"])).rows
        let ids = rows.filter { $0["name"] == name }.compactMap { $0[".id"] }
        guard !ids.isEmpty else { return false }
        _ = try await session.execute(Command(menu + "/remove", [".id": ids.joined(separator: ",")]))
        return true
    }

    /// `body`'s result and how long it took.
    private static func timed<T>(_ body: () async throws -> T) async rethrows -> (value: T, duration: Duration) {
        let start = ContinuousClock.now
        let value = try await body()
        return (value, ContinuousClock.now - start)
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
