import Foundation
import NIOConcurrencyHelpers
import NIOCore
import RouterModel
import RouterOSAPI

/// The simulated router: its configuration, its users, and the commands it understands.
///
/// Commands from every session run one at a time under one lock, like RouterOS's
/// configuration database; listeners are told of changes under that lock too, so they see them
/// in the order they were committed (delivery only schedules writes). Locks are taken in the
/// order state → listeners.
public final class RouterDevice: Sendable {
    /// What a command produced.
    enum Outcome {
        /// Replies ending in `!done`.
        case replies([Reply])
        /// A `print` of a list menu: replies ending in `!done`, rendered as they are written.
        case stream(PrintStream)
        /// A command that keeps replying (`listen`, `print follow`): these rows first, then the
        /// changes `view` shows, rendered for it.
        case follow(initial: [Reply], view: PrintView)
    }

    /// The RouterOS command tree this device accepts.
    public let schema: RouterSchema
    /// The version `/system/resource` prints, as configured; it may lie between embedded schemas
    /// (7.21.1 prints 7.21.1 and behaves as the 7.20.8 schema, the newest not newer). Behaviour
    /// that changed between versions without changing the schema (`!empty`) follows it.
    public let version: RouterOSVersion
    public let board: Board
    /// The features the router's device-mode allows; kept across resets.
    public let deviceMode: DeviceMode
    let faults: FaultInjection
    /// Login and idle timeouts of API sessions.
    let limits: SessionLimits
    let scheduler = Scheduler()
    private let users: [MockUser]
    private let state: NIOLockedValueBox<DeviceState>
    /// The `--state` file, written under the state lock (locks: state → journal).
    private let journal: NIOLockedValueBox<StateJournal>?
    private let listeners = NIOLockedValueBox<[Int: Listener]>([:])
    private let sessions = NIOLockedValueBox<[Int: Channel]>([:])
    private let activeSessions = NIOLockedValueBox<[Int: ActiveSession]>([:])
    private let counters = NIOLockedValueBox(Counters())
    private let rebootingUntil = NIOLockedValueBox<ContinuousClock.Instant?>(nil)
    /// Bumped when the configuration is reset or the router stops: a script started before stops
    /// at its next line.
    private let scriptGeneration = NIOLockedValueBox(0)

    private struct Counters {
        var listeners = 0
        var sessionsOpened = 0
        var serviceBusyUntil = ContinuousClock.now
        /// The ``FaultInjection/stall`` happened.
        var stalled = false
    }

    init(configuration: MockRouterConfiguration) throws {
        schema = RouterSchema.closest(to: configuration.routerOSVersion)
        version = configuration.routerOSVersion
        board = configuration.board
        deviceMode = configuration.deviceMode
        faults = configuration.faults
        limits = configuration.limits
        users = configuration.users
        var initial: DeviceState
        if let statePath = configuration.statePath, let saved = try StateJournal.load(from: statePath) {
            initial = saved
        } else {
            initial = try FactoryState.make(board: board, version: version, schema: schema, runDefconf: true)
        }
        _ = initial.settle()
        if let statePath = configuration.statePath {
            // One snapshot to start from: the journal of the last run is folded in. A file that
            // cannot be written is reported, as every failed save is, and tried again at the next change.
            var journal = StateJournal(path: statePath)
            do {
                try journal.writeSnapshot(of: initial)
            } catch {
                FileHandle.standardError.write(Data("mock-routeros: cannot save state to \(statePath): \(error)\n".utf8))
            }
            self.journal = NIOLockedValueBox(journal)
        } else {
            journal = nil
        }
        state = NIOLockedValueBox(initial)
        scheduler.start(for: self)
    }

    /// Stops the scheduler and any script still running, as when the router shuts down.
    func stop() {
        scheduler.stop()
        scriptGeneration.withLockedValue { $0 += 1 }
    }

    /// The user with these credentials, or nil.
    func authenticate(name: String, password: String) -> MockUser? {
        users.first { $0.name == name && $0.password == password }
    }

    /// Users called `name` (the session checks a challenge response against each).
    func users(named name: String) -> [MockUser] {
        users.filter { $0.name == name }
    }

    /// Runs one command (not `/login`, `/cancel` or `/quit`, which belong to the session).
    /// `scriptDepth` counts the scripts running this command, so that scripts running scripts stay bounded.
    func execute(_ command: Command, as user: MockUser, scriptDepth: Int = 0) -> Outcome {
        if let trapped = faults.trapOn, command.path == trapped || command.path.hasPrefix(trapped + "/") {
            return .replies([TrapText.injected(command.path), .done()])
        }
        guard let path = MenuPath(command: command.path) else {
            return .replies(TrapText.noSuchDirectory(String(command.path.dropFirst())) + [.done()])
        }
        var reset: ResetRequest?
        var script: String?
        let outcome: Outcome
        let activeUsers = path.menu == "/user/active" ? activeSessions.withLockedValue { $0.values.sorted { $0.number < $1.number }.map(\.entry) } : []
        do {
            outcome = try state.withLockedValue { state in
                // The execution takes the state itself, not a copy, and changes it in place;
                // it is handed back whatever happens, rolled back if the command trapped.
                var execution = CommandExecution(command: command, path: path, user: user, schema: schema, version: version, state: DeviceState())
                swap(&execution.state, &state)
                defer { swap(&execution.state, &state) }
                execution.deviceMode = deviceMode
                execution.activeUsers = activeUsers
                let result: Outcome
                do {
                    result = try execution.run()
                } catch {
                    execution.state.rollBack()
                    throw error
                }
                reset = execution.reset
                script = execution.scriptToRun
                persist(execution.state.settle(), of: execution.state)
                notify(execution.changes)
                return result
            }
        } catch let trap as CommandTrap {
            outcome = .replies(trap.replies + [.done()])
        } catch {
            outcome = .replies([.trap("\(error)", category: .generalFailure), .done()])
        }
        if let reset { scheduleReset(reset) }
        noticeSchedulerWrite(path)
        stallIfDue(after: command.path)
        if let script, let error = runScript(script, as: user, depth: scriptDepth) {
            return .replies([.trap(error.message), .done()])
        }
        return outcome
    }

    /// After the first command on ``FaultInjection/stall``'s path: commands still to come wait.
    private func stallIfDue(after path: String) {
        guard let stall = faults.stall, path == stall.after else { return }
        counters.withLockedValue { counters in
            guard !counters.stalled else { return }
            counters.stalled = true
            counters.serviceBusyUntil = max(counters.serviceBusyUntil, .now + stall.duration)
        }
    }

    /// The configuration as it is now, read under the state lock.
    func readState<T>(_ body: (DeviceState) -> T) -> T {
        state.withLockedValue { body($0) }
    }

    /// Changes the configuration outside any command (the scheduler's counters): saved, and told
    /// to listeners, like a command's changes. `body` returns the changes it made.
    func commit(_ body: (inout DeviceState) -> [ChangeEvent]) {
        state.withLockedValue { state in
            let changes = body(&state)
            persist(state.settle(), of: state)
            notify(changes)
        }
    }

    /// Changes with every reset and at stop; see ``scriptGeneration``.
    var currentScriptGeneration: Int {
        scriptGeneration.withLockedValue { $0 }
    }

    /// Appends a change to the `--state` file (private keys included, readable by its owner only);
    /// `state` is the configuration after it.
    private func persist(_ records: [StateJournal.Record], of state: DeviceState) {
        save { try $0.append(records, state: state) }
    }

    /// Writes the `--state` file, reporting a failure on standard error.
    private func save(_ write: (inout StateJournal) throws -> Void) {
        journal?.withLockedValue { journal in
            do {
                try write(&journal)
            } catch {
                FileHandle.standardError.write(Data("mock-routeros: cannot save state to \(journal.path): \(error)\n".utf8))
            }
        }
    }

    // MARK: - Reset

    /// Like a reboot after `/system/reset-configuration`: every session drops, the configuration
    /// returns to the factory state, and connections are refused for `faults.rebootDelay`.
    private func scheduleReset(_ request: ResetRequest) {
        rebootingUntil.withLockedValue { $0 = .now + faults.rebootDelay }
        scriptGeneration.withLockedValue { $0 += 1 }
        scheduler.reboot(at: Date())
        if let factory = factoryState(runDefconf: !request.noDefaults) {
            state.withLockedValue { state in
                state = factory
                _ = state.settle()
                save { try $0.writeSnapshot(of: state) }
            }
        }
        for channel in sessionChannels {
            // Let the `!done` go out first, as a router would before it reboots.
            channel.eventLoop.scheduleTask(in: .milliseconds(50)) { channel.close(promise: nil) }
        }
    }

    /// The factory state. When the defconf is refused (a defect in the board data or the catalog),
    /// the board without it; nil, keeping the configuration, when even that fails. Errors go to standard error.
    private func factoryState(runDefconf: Bool) -> DeviceState? {
        do {
            return try FactoryState.make(board: board, version: version, schema: schema, runDefconf: runDefconf)
        } catch {
            let fallback = runDefconf ? "resetting without the defconf" : "keeping the configuration"
            FileHandle.standardError.write(Data("mock-routeros: reset: \(error); \(fallback)\n".utf8))
            return runDefconf ? factoryState(runDefconf: false) : nil
        }
    }

    /// True while the device is "rebooting" after a reset.
    var isRebooting: Bool {
        rebootingUntil.withLockedValue { until in
            guard let deadline = until else { return false }
            if ContinuousClock.now >= deadline { until = nil; return false }
            return true
        }
    }

    // MARK: - Sessions

    /// Registers a session; returns its number (1 for the first since start), or nil when
    /// `max-sessions` are already open.
    func openSession(_ channel: Channel) -> Int? {
        let number = counters.withLockedValue { $0.sessionsOpened += 1; return $0.sessionsOpened }
        return sessions.withLockedValue { open in
            if let limit = faults.maxSessions, open.count >= limit { return nil }
            open[number] = channel
            return number
        }
    }

    func closeSession(_ number: Int) {
        sessions.withLockedValue { _ = $0.removeValue(forKey: number) }
        activeSessions.withLockedValue { _ = $0.removeValue(forKey: number) }
    }

    /// Lists session `number` in `/user/active` once `user` has logged in from `address`.
    func loggedIn(_ number: Int, user: MockUser, address: String) {
        activeSessions.withLockedValue { $0[number] = ActiveSession(number: number, user: user, address: address, since: Date()) }
    }

    /// How many API sessions are open, logged in or not.
    public var openSessionCount: Int {
        sessions.withLockedValue { $0.count }
    }

    /// The channels of the open sessions.
    var sessionChannels: [Channel] {
        sessions.withLockedValue { Array($0.values) }
    }

    /// Closes every open API session, as when the router stops.
    public func closeAllSessions() async {
        for channel in sessionChannels { try? await channel.close() }
    }

    /// How long to wait before running the next command, so that commands take `service-ms`
    /// each, one after another, like a slow router CPU.
    func serviceDelay() -> Duration {
        guard faults.serviceTime > .zero || faults.stall != nil else { return .zero }
        return counters.withLockedValue { counters in
            let now = ContinuousClock.now
            let start = max(now, counters.serviceBusyUntil)
            // A microsecond at least: commands held by a stall run one after another, in order.
            counters.serviceBusyUntil = start + max(faults.serviceTime, .microseconds(1))
            return counters.serviceBusyUntil - now
        }
    }

    // MARK: - Listeners

    /// Starts telling `listener` about changes; returns a token for ``removeListener(_:)``.
    /// How many `listen` and `print follow` commands are running.
    var listenerCount: Int { listeners.withLockedValue { $0.count } }

    func addListener(_ listener: Listener) -> Int {
        let token = counters.withLockedValue { $0.listeners += 1; return $0.listeners }
        listeners.withLockedValue { $0[token] = listener }
        return token
    }

    func removeListener(_ token: Int) {
        listeners.withLockedValue { _ = $0.removeValue(forKey: token) }
    }

    /// Tells every listener whose view shows and selects them about `changes`. Called with the
    /// state lock held, so deliveries keep commit order.
    private func notify(_ changes: [ChangeEvent]) {
        guard !changes.isEmpty else { return }
        listeners.withLockedValue { listeners in
            for change in changes {
                for listener in listeners.values where listener.view.shows(change.menu) {
                    if let row = listener.view.render(change) { listener.deliver(row) }
                }
            }
        }
    }
}
