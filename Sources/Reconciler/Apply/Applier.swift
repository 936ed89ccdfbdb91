import Foundation
import RouterModel
import RouterOSAPI

/// Executes a plan: level by level, each level in as few waves as its ordered menus allow (see
/// ``OrderedSending``). On the first refusal, a lost connection or a requested stop, nothing new
/// is sent, the replies in flight are awaited, and everything that landed is undone in reverse,
/// each target found again by its values (see ``Reverter``), over a new connection if the old one
/// was lost.
///
/// With a revert armed on the router (`--confirm-within`), nothing is sent once the revert is
/// near (see ``RevertDeadline``), and an apply that stops when the revert is due hands the undo
/// over to it (see ``RevertHandover``) instead of racing it.
public struct Applier: Sendable {
    public let session: any RouterSession
    public let schema: RouterSchema
    /// Opens a fresh session, for undoing after the connection was lost.
    public let reconnector: Reconnector?
    /// The stop request and live counts, shared with a signal handler.
    public let control: ApplyControl
    /// How operations of ordered menus share waves.
    public let ordering: OrderedSending
    /// The revert this apply armed, with its ``ArmedRevert/deadline``.
    public let armed: ArmedRevert?

    public init(session: any RouterSession, schema: RouterSchema, reconnector: Reconnector? = nil, control: ApplyControl = ApplyControl(),
                ordering: OrderedSending = .pipelined, armed: ArmedRevert? = nil) {
        self.session = session
        self.schema = schema
        self.reconnector = reconnector
        self.control = control
        self.ordering = ordering
        self.armed = armed
    }

    /// How one operation ended on the way forward.
    struct Sent: Sendable {
        let index: Int
        /// nil: applied.
        var error: Error?
        /// Some command of it reached the router before a refusal (an unset of several properties).
        var partlyDone: Bool
        /// Not sent: a stop was requested first.
        var skipped: Bool
    }

    public func apply(_ plan: Plan, progress: @escaping @Sendable (String) -> Void = { _ in }) async -> ApplyReport {
        let operations = plan.operations
        var outcomes = operations.map { OperationOutcome(operation: $0, status: .notAttempted) }
        var steps: [RevertStep] = []
        var stopReason: String?
        var connectionLost = false
        var waves = 0
        var offset = 0
        let revertDue = FailureFlag()
        let dueReason = armed.map { "the revert on the router is due at \($0.firesAt) (router time)" }
        levels: for (number, level) in plan.levels.enumerated() {
            if let requested = control.stopRequested {
                stopReason = requested
                break
            }
            if let dueReason, armed?.deadline?.allowsSending() == false {
                stopReason = dueReason
                break
            }
            progress("level \(number + 1)/\(plan.levels.count): \(level.count) operation(s)")
            for wave in ordering.waves(of: level.enumerated().map { (offset + $0.offset, $0.element) }, schema: schema) {
                waves += 1
                for sent in await send(wave, revertDue: revertDue) where !sent.skipped {
                    let operation = operations[sent.index]
                    guard let error = sent.error else {
                        outcomes[sent.index].status = .applied
                        steps.append(RevertStep(index: sent.index, operation: operation, level: number, confirmed: true, statusIfNothingRemains: .gone))
                        continue
                    }
                    let lost = (error as? RouterOSError)?.isConnectionFailure == true
                    connectionLost = connectionLost || lost
                    outcomes[sent.index].status = lost ? .uncertain : .failed
                    // The full message is the stop reason; alike operations share one short one, so they group.
                    outcomes[sent.index].error = lost ? "in flight when \(Self.lossWords(error))" : "\(error)"
                    // The router's message is the operation's own error, shown once with it.
                    if stopReason == nil {
                        stopReason = lost ? "the connection was lost: \(error)" : "the router refused " + [operation.kind.rawValue, operation.menu, operation.label].filter { !$0.isEmpty }.joined(separator: " ")
                    }
                    if lost || sent.partlyDone {
                        steps.append(RevertStep(index: sent.index, operation: operation, level: number, confirmed: false,
                                                statusIfNothingRemains: lost ? Self.statusIfNotFound(after: error) : .failed))
                    }
                }
                if stopReason == nil, let requested = control.stopRequested { stopReason = requested }
                if stopReason == nil, revertDue.isSet { stopReason = dueReason }
                if stopReason != nil { break levels }
            }
            offset += level.count
        }
        guard let stopReason else { return ApplyReport(outcomes: outcomes, waves: waves) }
        // Once the revert is due, an undo of rosplay's own would race it.
        if let armed, armed.deadline?.isDue == true || stopReason == dueReason {
            return await handOver(to: armed, stopReason: stopReason, steps: steps, outcomes: outcomes, connectionLost: connectionLost,
                                  waves: waves, progress: progress)
        }
        var notes: [String] = []
        if !steps.isEmpty {
            progress("stopping: \(stopReason); undoing \(steps.count) operation(s)")
            let collect = NoteCollector(progress)
            var reverter = Reverter(session: connectionLost ? nil : session, reconnector: reconnectorBeforeTheRevert, schema: schema, progress: collect.add)
            for (index, result) in await reverter.revert(steps) {
                // Undone, a lost operation's story is over: it no longer needs its loss explained.
                if result.status == .undone, outcomes[index].status == .uncertain { outcomes[index].error = nil }
                outcomes[index].status = result.status
                if let note = result.note {
                    outcomes[index].error = outcomes[index].error.map { "\($0); \(note)" } ?? note
                }
            }
            waves += reverter.waves
            notes = collect.notes
        }
        return ApplyReport(outcomes: outcomes, stopReason: stopReason, notes: notes, waves: waves)
    }

    /// The reconnector for an undo of rosplay's own: with a revert armed, it gives up when the
    /// revert comes due (then the router undoes by itself).
    private var reconnectorBeforeTheRevert: Reconnector? {
        guard var reconnector, let deadline = armed?.deadline else { return reconnector }
        reconnector.deadline = max(.zero, min(reconnector.deadline, deadline.firesNoEarlierThan - deadline.reserve - .now))
        return reconnector
    }

    /// Stops for the revert that is due: runs it (or lets the router's run of it finish), then
    /// checks every operation that may have landed as an undo would, undoing only what the revert
    /// did not (what landed after it ran). Operations the revert put back are reported undone.
    private func handOver(to armed: ArmedRevert, stopReason: String, steps: [RevertStep], outcomes: [OperationOutcome], connectionLost: Bool,
                          waves: Int, progress: @escaping @Sendable (String) -> Void) async -> ApplyReport {
        var outcomes = outcomes
        progress("stopping: \(stopReason); handing the undo over to the revert \(armed.name)")
        let collect = NoteCollector(progress)
        var active: (any RouterSession)? = connectionLost ? nil : session
        if active == nil { active = try? await reconnector?.reconnect(progress: collect.add) }
        let failure: String
        if let active {
            do {
                try await RevertHandover.run(armed, on: active, progress: collect.add)
                var reverter = Reverter(session: active, reconnector: reconnector, schema: schema, progress: collect.add)
                for (index, result) in await reverter.revert(steps) {
                    outcomes[index].status = result.status == .gone ? .undone : result.status
                    outcomes[index].error = result.status == .gone ? "by the revert" : result.note
                }
                return ApplyReport(outcomes: outcomes, stopReason: stopReason, notes: collect.notes, waves: waves + reverter.waves, revertRan: true)
            } catch {
                failure = "could not hand over to the revert (\(error))"
            }
        } else {
            failure = "the router could not be reached to run the revert"
        }
        for step in steps {
            outcomes[step.index].status = .uncertain
            outcomes[step.index].error = "\(failure); the router runs it at \(armed.firesAt) (router time)"
        }
        return ApplyReport(outcomes: outcomes, stopReason: stopReason, notes: collect.notes, waves: waves)
    }

    /// What an operation in flight at a loss is, when the undo does not find it: not applied after a
    /// dropped connection; uncertain after a timeout, since a router that was only slow may still
    /// carry out a command it holds.
    static func statusIfNotFound(after error: Error) -> OperationOutcome.Status {
        (error as? RouterOSError)?.code == .timedOut ? .uncertain : .notApplied
    }

    /// `the connection was lost` or `the router stopped answering`, for an operation's outcome.
    static func lossWords(_ error: Error) -> String {
        if (error as? RouterOSError)?.code == .timedOut { return "the router stopped answering" }
        return "the connection was lost"
    }

    /// Sends one wave: every operation's commands, in plan order, none waiting for another's reply.
    /// Once a stop is requested, or the router refuses one of them or the connection drops, nothing
    /// more is sent; what is in flight is awaited, and what was never sent is reported skipped.
    /// With a revert armed, a request that could not be answered before it is due is not sent,
    /// and `revertDue` is set.
    private func send(_ wave: [(index: Int, operation: Operation)], revertDue: FailureFlag) async -> [Sent] {
        let control = self.control
        let deadline = armed?.deadline
        let failed = FailureFlag()
        let requests = wave.map { item in
            let hidden = Set(item.operation.changes.filter(\.sensitive).map(\.name))
            return commands(item.operation).map { command in
                var command = command
                command.sensitive = hidden
                return command
            }
        }
        let outcomes = await session.pipeline(Wave(requests, proceed: {
            guard control.stopRequested == nil, !failed.isSet else { return false }
            if let deadline {
                guard deadline.allowsSending() else {
                    revertDue.set()
                    return false
                }
                deadline.sent()
            }
            control.sent()
            return true
        }, answered: { _, outcome in
            deadline?.answered()
            if outcome.error == nil { control.applied() } else { failed.set() }
        }))
        return zip(wave, outcomes).map { item, outcome in
            guard let outcome else { return Sent(index: item.index, error: nil, partlyDone: false, skipped: true) }
            return Sent(index: item.index, error: outcome.error, partlyDone: outcome.anySucceeded, skipped: false)
        }
    }

    /// The API commands that carry out `operation`, in order.
    func commands(_ operation: Operation) -> [Command] {
        let menu = operation.menu
        let selector = operation.id.map { [Attribute(".id", $0)] } ?? []
        let numbers = operation.id.map { [Attribute("numbers", $0)] } ?? []
        switch operation.kind {
        case .add:
            var attributes = operation.changes.compactMap { change in change.new.map { Attribute(change.name, $0) } }
            if let before = operation.before { attributes.append(Attribute("place-before", before)) }
            return [Command(menu + "/add", attributes: attributes)]
        case .set:
            let attributes = operation.changes.compactMap { change in change.new.map { Attribute(change.name, $0) } }
            return [Command(menu + "/set", attributes: selector + attributes)]
        case .unset:
            return operation.changes.map { Command(menu + "/unset", attributes: numbers + [Attribute("value-name", $0.name)]) }
        case .remove:
            return [Command(menu + "/remove", attributes: selector)]
        case .move:
            var attributes = numbers
            if let before = operation.before { attributes.append(Attribute("destination", before)) }
            return [Command(menu + "/move", attributes: attributes)]
        }
    }
}

/// Passes progress lines on and keeps them for the report.
private final class NoteCollector: @unchecked Sendable {
    private let forward: @Sendable (String) -> Void
    private let lock = NSLock()
    private var lines: [String] = []

    init(_ forward: @escaping @Sendable (String) -> Void) {
        self.forward = forward
    }

    var notes: [String] {
        lock.lock()
        defer { lock.unlock() }
        return lines
    }

    @Sendable func add(_ line: String) {
        lock.lock()
        lines.append(line)
        lock.unlock()
        forward(line)
    }
}

/// Set once (any command of a wave failed, the revert came due), read before each next command is sent.
private final class FailureFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    var isSet: Bool {
        lock.lock()
        defer { lock.unlock() }
        return value
    }

    func set() {
        lock.lock()
        value = true
        lock.unlock()
    }
}
