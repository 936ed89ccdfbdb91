import RouterModel
import RouterOSAPI

/// What happened to one operation during an apply.
public struct OperationOutcome: Sendable {
    public enum Status: String, Sendable {
        /// Done, and still in place.
        case applied
        /// Done, then reversed after a later failure.
        case undone
        /// The router refused it; nothing of it remains.
        case failed
        /// The connection was lost while it was in flight: the router may or may not have applied it.
        case uncertain
        /// Never sent, because an earlier level failed.
        case notAttempted = "not-attempted"
        /// Done (or partly done), and reversing it failed or was impossible: the router holds it.
        case undoFailed = "undo-failed"
    }

    public var operation: Operation
    public var status: Status
    /// The router's message or the connection error, secrets redacted.
    public var error: String?
}

/// The result of an apply: every operation's fate.
public struct ApplyReport: Sendable {
    public var outcomes: [OperationOutcome]

    public init(outcomes: [OperationOutcome]) {
        self.outcomes = outcomes
    }

    /// True when every operation was applied.
    public var succeeded: Bool { outcomes.allSatisfy { $0.status == .applied } }
    /// True when nothing the apply did can be left on the router.
    public var routerUnchanged: Bool {
        outcomes.allSatisfy { [.undone, .failed, .notAttempted].contains($0.status) }
    }
}

/// Executes a plan: level by level, independent operations pipelined, each success recorded
/// with its inverse; on the first failure the applied operations are undone in reverse, over a
/// new connection if the old one was lost.
public struct Applier: Sendable {
    public let session: RouterSession
    public let schema: RouterSchema
    /// Opens a fresh session, for undoing after the connection was lost.
    public let reconnect: (@Sendable () async throws -> RouterSession)?

    public init(session: RouterSession, schema: RouterSchema, reconnect: (@Sendable () async throws -> RouterSession)? = nil) {
        self.session = session
        self.schema = schema
        self.reconnect = reconnect
    }

    /// How to reverse what one operation did.
    struct Inverse: Sendable {
        /// Commands that put the router back, in order.
        var commands: [Command] = []
        /// Why it cannot be reversed, when it cannot.
        var impossible: String?
        /// For a re-add that undoes a remove: the `.id` the entry had, so later undo commands
        /// naming it can be pointed at the entry's new `.id`.
        var recreates: String?
    }

    /// One operation's result: its inverse (of what was done, even if it failed part-way) and its error.
    struct Result: Sendable {
        let index: Int
        var inverse: Inverse
        var error: Error?
        var didSomething: Bool
    }

    public func apply(_ plan: Plan, progress: @escaping @Sendable (String) -> Void = { _ in }) async -> ApplyReport {
        var outcomes = plan.operations.map { OperationOutcome(operation: $0, status: .notAttempted, error: nil) }
        var done: [Result] = []
        var offset = 0
        var failed = false
        for (number, level) in plan.levels.enumerated() {
            progress("level \(number + 1)/\(plan.levels.count): \(level.count) operation(s)")
            for result in await run(level, startingAt: offset) {
                if let error = result.error {
                    let lost = (error as? RouterOSError)?.isConnectionFailure == true
                    outcomes[result.index].status = lost ? .uncertain : .failed
                    outcomes[result.index].error = "\(error)"
                    failed = true
                } else {
                    outcomes[result.index].status = .applied
                }
                if result.didSomething { done.append(result) }
            }
            offset += level.count
            if failed { break }
        }
        guard failed else { return ApplyReport(outcomes: outcomes) }
        progress("undoing \(done.count) operation(s)")
        var undo = Undo(session: session, reconnect: reconnect, progress: progress)
        for result in done.sorted(by: { $0.index < $1.index }).reversed() {
            do {
                try await undo.run(result.inverse)
                // A failed operation that was partly done stays "failed": what it did is undone.
                if result.error == nil { outcomes[result.index].status = .undone }
            } catch {
                outcomes[result.index].status = .undoFailed
                outcomes[result.index].error = "undo: \(error)"
            }
        }
        return ApplyReport(outcomes: outcomes)
    }

    /// Runs one level: operations on ordered menus one after another (their positions depend on
    /// each other), everything else at once. A group stops at its first failure.
    private func run(_ level: [Operation], startingAt offset: Int) async -> [Result] {
        var groups: [[(Int, Operation)]] = []
        var orderedGroups: [String: Int] = [:]
        for (position, operation) in level.enumerated() {
            let item = (offset + position, operation)
            if MenuCatalog.spec(for: operation.menu)?.ordered == true {
                if let group = orderedGroups[operation.menu] { groups[group].append(item) } else {
                    orderedGroups[operation.menu] = groups.count
                    groups.append([item])
                }
            } else {
                groups.append([item])
            }
        }
        return await withTaskGroup(of: [Result].self) { taskGroup in
            for group in groups {
                taskGroup.addTask {
                    var results: [Result] = []
                    for (index, operation) in group {
                        let result = await execute(operation, index: index)
                        results.append(result)
                        if result.error != nil { break }
                    }
                    return results
                }
            }
            return await taskGroup.reduce(into: []) { $0 += $1 }
        }
    }

    /// Sends the commands of one operation, building the inverse of each as it succeeds.
    func execute(_ operation: Operation, index: Int) async -> Result {
        var result = Result(index: index, inverse: Inverse(), error: nil, didSomething: false)
        let menu = operation.menu
        let hidden = Set(operation.changes.filter(\.sensitive).map(\.name))
        func send(_ command: Command) async throws -> Response {
            var command = command
            command.sensitive = hidden
            return try await session.execute(command)
        }
        do {
            switch operation.kind {
            case .add:
                var attributes = operation.changes.compactMap { change in change.new.map { Attribute(change.name, $0) } }
                if let before = operation.before { attributes.append(Attribute("place-before", before)) }
                let response = try await send(Command(menu + "/add", attributes: attributes))
                result.didSomething = true
                if let id = response.ret {
                    result.inverse.commands = [Command(menu + "/remove", [".id": id])]
                } else {
                    result.inverse.impossible = "the router did not return the new entry's .id"
                }
            case .set:
                let attributes = operation.changes.compactMap { change in change.new.map { Attribute(change.name, $0) } }
                _ = try await send(Command(menu + "/set", attributes: selector(operation) + attributes))
                result.didSomething = true
                result.inverse = restore(operation, operation.changes)
            case .unset:
                var unset: [PropertyChange] = []
                for change in operation.changes {
                    _ = try await send(Command(menu + "/unset", attributes: numbers(operation) + [Attribute("value-name", change.name)]))
                    result.didSomething = true
                    unset.append(change)
                    result.inverse = restore(operation, unset)
                }
            case .remove:
                _ = try await send(Command(menu + "/remove", attributes: selector(operation)))
                result.didSomething = true
                var attributes = operation.changes.compactMap { change in change.old.map { Attribute(change.name, $0) } }
                if let before = operation.originalBefore { attributes.append(Attribute("place-before", before)) }
                result.inverse = Inverse(commands: [Command(menu + "/add", attributes: attributes)], recreates: operation.id)
            case .move:
                var attributes = numbers(operation)
                if let before = operation.before { attributes.append(Attribute("destination", before)) }
                _ = try await send(Command(menu + "/move", attributes: attributes))
                result.didSomething = true
                var back = numbers(operation)
                if let before = operation.originalBefore { back.append(Attribute("destination", before)) }
                result.inverse.commands = [Command(menu + "/move", attributes: back)]
            }
        } catch {
            result.error = error
        }
        for position in result.inverse.commands.indices { result.inverse.commands[position].sensitive = hidden }
        return result
    }

    private func selector(_ operation: Operation) -> [Attribute] {
        operation.id.map { [Attribute(".id", $0)] } ?? []
    }

    private func numbers(_ operation: Operation) -> [Attribute] {
        operation.id.map { [Attribute("numbers", $0)] } ?? []
    }

    /// What puts back the old values of `changes` (of a set or unset).
    private func restore(_ operation: Operation, _ changes: [PropertyChange]) -> Inverse {
        let menu = operation.menu
        var inverse = Inverse()
        let old = changes.compactMap { change in change.old.map { Attribute(change.name, $0) } }
        if !old.isEmpty { inverse.commands.append(Command(menu + "/set", attributes: selector(operation) + old)) }
        let wasUnset = changes.filter { $0.old == nil }
        guard !wasUnset.isEmpty else { return inverse }
        guard schema.arguments(of: "unset", in: menu) != nil else {
            inverse.impossible = "RouterOS \(schema.version) has no unset in \(menu) to clear \(wasUnset.map(\.name).joined(separator: ", ")) again"
            return inverse
        }
        for change in wasUnset {
            inverse.commands.append(Command(menu + "/unset", attributes: numbers(operation) + [Attribute("value-name", change.name)]))
        }
        return inverse
    }
}

/// Runs inverses, newest first, keeping track of entries that came back under a new `.id`.
struct Undo {
    var session: RouterSession
    let reconnect: (@Sendable () async throws -> RouterSession)?
    let progress: @Sendable (String) -> Void
    /// Old `.id` of a removed entry → the `.id` it has after being added back.
    var renamed: [String: String] = [:]
    /// Arguments that name entries by `.id`.
    static let references: Set<String> = [".id", "numbers", "place-before", "destination"]

    mutating func run(_ inverse: Applier.Inverse) async throws {
        if let reason = inverse.impossible { throw UndoError(reason: reason) }
        for var command in inverse.commands {
            for position in command.attributes.indices where Self.references.contains(command.attributes[position].name) {
                if let current = renamed[command.attributes[position].value.string] { command.attributes[position].value = Word(current) }
            }
            let response = try await send(command)
            if let old = inverse.recreates, let new = response.ret { renamed[old] = new }
        }
    }

    private mutating func send(_ command: Command) async throws -> Response {
        do {
            return try await session.execute(command)
        } catch let error as RouterOSError where error.isConnectionFailure {
            // The connection that failed the apply is gone: undo over a new one.
            guard let reconnect else { throw error }
            progress("connection lost; reconnecting to undo")
            session = try await reconnect()
            return try await session.execute(command)
        }
    }
}

/// An operation that cannot be reversed.
struct UndoError: Error, CustomStringConvertible {
    let reason: String
    var description: String { "cannot undo: \(reason)" }
}
