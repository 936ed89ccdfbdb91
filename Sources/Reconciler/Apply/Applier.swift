import Foundation
import RouterModel
import RouterOSAPI

/// Executes a plan: level by level, independent operations pipelined. On the first refusal, a
/// lost connection or a requested stop, nothing new is sent, the replies in flight are awaited,
/// and everything that landed is undone in reverse, each target found again by its values (see
/// ``Reverter``), over a new connection if the old one was lost.
public struct Applier: Sendable {
    public let session: any RouterSession
    public let schema: RouterSchema
    /// Opens a fresh session, for undoing after the connection was lost.
    public let reconnector: Reconnector?
    /// The stop request and live counts, shared with a signal handler.
    public let control: ApplyControl

    /// How many independent operations are sent before the first of them must be answered.
    public static let maximumInFlight = 500

    public init(session: any RouterSession, schema: RouterSchema, reconnector: Reconnector? = nil, control: ApplyControl = ApplyControl()) {
        self.session = session
        self.schema = schema
        self.reconnector = reconnector
        self.control = control
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
        var offset = 0
        for (number, level) in plan.levels.enumerated() {
            if let requested = control.stopRequested {
                stopReason = requested
                break
            }
            progress("level \(number + 1)/\(plan.levels.count): \(level.count) operation(s)")
            for sent in await run(level, startingAt: offset) where !sent.skipped {
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
                if stopReason == nil { stopReason = lost ? "the connection was lost: \(error)" : "\(operation.kind.rawValue) \(operation.menu) \(operation.label): \(error)" }
                if lost || sent.partlyDone {
                    steps.append(RevertStep(index: sent.index, operation: operation, level: number, confirmed: false,
                                            statusIfNothingRemains: lost ? .notApplied : .failed))
                }
            }
            offset += level.count
            if stopReason == nil, let requested = control.stopRequested { stopReason = requested }
            if stopReason != nil { break }
        }
        guard let stopReason else { return ApplyReport(outcomes: outcomes) }
        var notes: [String] = []
        if !steps.isEmpty {
            progress("stopping: \(stopReason); undoing \(steps.count) operation(s)")
            let collect = NoteCollector(progress)
            var reverter = Reverter(session: connectionLost ? nil : session, reconnector: reconnector, schema: schema, progress: collect.add)
            for (index, result) in await reverter.revert(steps) {
                // Undone, a lost operation's story is over: it no longer needs its loss explained.
                if result.status == .undone, outcomes[index].status == .uncertain { outcomes[index].error = nil }
                outcomes[index].status = result.status
                if let note = result.note {
                    outcomes[index].error = outcomes[index].error.map { "\($0); \(note)" } ?? note
                }
            }
            notes = collect.notes
        }
        return ApplyReport(outcomes: outcomes, stopReason: stopReason, notes: notes)
    }

    /// `the connection was lost` or `the router stopped answering`, for an operation's outcome.
    static func lossWords(_ error: Error) -> String {
        if (error as? RouterOSError)?.code == .timedOut { return "the router stopped answering" }
        return "the connection was lost"
    }

    /// Runs one level: operations on ordered menus one after another (their positions depend on
    /// each other), everything else at once. A group stops at its first failure.
    private func run(_ level: [Operation], startingAt offset: Int) async -> [Sent] {
        var groups: [[(Int, Operation)]] = []
        var orderedGroups: [String: Int] = [:]
        for (position, operation) in level.enumerated() {
            let item = (offset + position, operation)
            if schema.spec(for: operation.menu)?.ordered == true {
                if let group = orderedGroups[operation.menu] { groups[group].append(item) } else {
                    orderedGroups[operation.menu] = groups.count
                    groups.append([item])
                }
            } else {
                groups.append([item])
            }
        }
        return await withTaskGroup(of: [Sent].self) { taskGroup in
            var results: [Sent] = []
            for (number, group) in groups.enumerated() {
                // A window of commands in flight: a command queued behind thousands of others
                // would time out although the router is busy with them, not silent.
                if number >= Self.maximumInFlight, let done = await taskGroup.next() { results += done }
                taskGroup.addTask {
                    var results: [Sent] = []
                    for (index, operation) in group {
                        guard control.stopRequested == nil else {
                            results.append(Sent(index: index, error: nil, partlyDone: false, skipped: true))
                            continue
                        }
                        let result = await execute(operation, index: index)
                        results.append(result)
                        if result.error != nil { break }
                    }
                    return results
                }
            }
            return await taskGroup.reduce(into: results) { $0 += $1 }
        }
    }

    /// Sends the commands of one operation.
    func execute(_ operation: Operation, index: Int) async -> Sent {
        var result = Sent(index: index, error: nil, partlyDone: false, skipped: false)
        let hidden = Set(operation.changes.filter(\.sensitive).map(\.name))
        func send(_ command: Command) async throws {
            var command = command
            command.sensitive = hidden
            _ = try await session.execute(command)
        }
        control.sent()
        do {
            for command in commands(operation) {
                try await send(command)
                result.partlyDone = true
            }
            control.applied()
        } catch {
            result.error = error
        }
        return result
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
