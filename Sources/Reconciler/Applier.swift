import RouterModel
import RouterOSAPI

/// What happened to one operation during an apply.
public struct OperationOutcome: Sendable, Codable {
    public enum Status: String, Sendable, Codable {
        /// Done, and still in place.
        case applied
        /// Done, then reversed after a later failure.
        case undone
        /// The router refused it, or the connection was lost while it was in flight.
        case failed
        /// Never sent, because an earlier level failed.
        case notAttempted = "not-attempted"
        /// Done, and reversing it failed: the router holds it.
        case undoFailed = "undo-failed"
    }

    public var operation: Operation
    public var status: Status
    /// The router's message or the connection error, secrets redacted.
    public var error: String?
}

/// The result of an apply: every operation's fate, and what a re-read found.
public struct ApplyReport: Sendable, Codable {
    public var outcomes: [OperationOutcome]

    public init(outcomes: [OperationOutcome]) {
        self.outcomes = outcomes
    }
    /// True when every operation was applied.
    public var succeeded: Bool { outcomes.allSatisfy { $0.status == .applied } }
    /// True when nothing the apply did is left on the router (all undone, or nothing applied).
    public var routerUnchanged: Bool { outcomes.allSatisfy { $0.status != .applied && $0.status != .undoFailed } }
}

/// Executes a plan: level by level, independent operations pipelined, each success recorded
/// with its inverse; on the first failure the applied operations are undone in reverse.
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

    /// An operation that succeeded, with what it takes to reverse it.
    struct Done: Sendable {
        let index: Int
        let inverse: [Command]
    }

    public func apply(_ plan: Plan, progress: @Sendable (String) -> Void = { _ in }) async -> ApplyReport {
        let operations = plan.operations
        var outcomes = operations.map { OperationOutcome(operation: $0, status: .notAttempted, error: nil) }
        var done: [Done] = []
        var failed = false
        var offset = 0
        for (levelNumber, level) in plan.levels.enumerated() {
            progress("level \(levelNumber + 1)/\(plan.levels.count): \(level.count) operation(s)")
            let results = await run(level, startingAt: offset)
            for result in results {
                switch result {
                case .success(let success):
                    outcomes[success.index].status = .applied
                    done.append(success)
                case .failure(let failure):
                    outcomes[failure.index].status = .failed
                    outcomes[failure.index].error = failure.message
                    failed = true
                }
            }
            offset += level.count
            if failed { break }
        }
        guard failed else { return ApplyReport(outcomes: outcomes) }
        progress("undoing \(done.count) applied operation(s)")
        var undoSession = session
        for success in done.reversed() {
            do {
                for command in success.inverse {
                    do {
                        _ = try await undoSession.execute(command)
                    } catch let error as RouterOSError where error.isConnectionFailure {
                        // The connection that failed the apply is gone: undo over a new one.
                        guard let reconnect else { throw error }
                        progress("connection lost; reconnecting to undo")
                        undoSession = try await reconnect()
                        _ = try await undoSession.execute(command)
                    }
                }
                outcomes[success.index].status = .undone
            } catch {
                outcomes[success.index].status = .undoFailed
                outcomes[success.index].error = "\(error)"
            }
        }
        return ApplyReport(outcomes: outcomes)
    }

    struct Failure: Error, Sendable {
        let index: Int
        let message: String
    }

    /// Runs one level: operations on ordered menus one after another (their positions depend on
    /// each other), everything else at once.
    private func run(_ level: [Operation], startingAt offset: Int) async -> [Result<Done, Failure>] {
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
        return await withTaskGroup(of: [Result<Done, Failure>].self) { taskGroup in
            for group in groups {
                taskGroup.addTask {
                    var results: [Result<Done, Failure>] = []
                    for (index, operation) in group {
                        do {
                            results.append(.success(Done(index: index, inverse: try await execute(operation))))
                        } catch {
                            let lost = (error as? RouterOSError)?.isConnectionFailure == true
                            let message = "\(error)" + (lost ? " (the router may or may not have applied it)" : "")
                            results.append(.failure(Failure(index: index, message: message)))
                            break
                        }
                    }
                    return results
                }
            }
            return await taskGroup.reduce(into: []) { $0 += $1 }
        }
    }

    /// Sends the commands of one operation; returns the commands that reverse it.
    func execute(_ operation: Operation) async throws -> [Command] {
        let menu = operation.menu
        let selector = operation.id.map { [Attribute(".id", $0)] } ?? []
        switch operation.kind {
        case .add:
            var attributes = operation.changes.compactMap { change in change.new.map { Attribute(change.name, $0) } }
            if let before = operation.before { attributes.append(Attribute("place-before", before)) }
            let response = try await session.execute(Command(menu + "/add", attributes: attributes))
            guard let id = response.ret else { return [] }
            return [Command(menu + "/remove", [".id": id])]
        case .set:
            let attributes = operation.changes.compactMap { change in change.new.map { Attribute(change.name, $0) } }
            _ = try await session.execute(Command(menu + "/set", attributes: selector + attributes))
            return restore(operation)
        case .unset:
            for change in operation.changes {
                _ = try await session.execute(Command(menu + "/unset", attributes: numbers(operation) + [Attribute("value-name", change.name)]))
            }
            return restore(operation)
        case .remove:
            _ = try await session.execute(Command(menu + "/remove", attributes: selector))
            var attributes = operation.changes.compactMap { change in change.old.map { Attribute(change.name, $0) } }
            if let before = operation.originalBefore { attributes.append(Attribute("place-before", before)) }
            return [Command(menu + "/add", attributes: attributes)]
        case .move:
            var attributes = numbers(operation)
            if let before = operation.before { attributes.append(Attribute("destination", before)) }
            _ = try await session.execute(Command(menu + "/move", attributes: attributes))
            var back = numbers(operation)
            if let before = operation.originalBefore { back.append(Attribute("destination", before)) }
            return [Command(menu + "/move", attributes: back)]
        }
    }

    private func numbers(_ operation: Operation) -> [Attribute] {
        operation.id.map { [Attribute("numbers", $0)] } ?? []
    }

    /// Commands that put back the old values of a set or unset.
    private func restore(_ operation: Operation) -> [Command] {
        let menu = operation.menu
        let selector = operation.id.map { [Attribute(".id", $0)] } ?? []
        let old = operation.changes.compactMap { change in change.old.map { Attribute(change.name, $0) } }
        var commands = old.isEmpty ? [] : [Command(menu + "/set", attributes: selector + old)]
        for change in operation.changes where change.old == nil && schema.arguments(of: "unset", in: menu) != nil {
            commands.append(Command(menu + "/unset", attributes: numbers(operation) + [Attribute("value-name", change.name)]))
        }
        return commands
    }
}
