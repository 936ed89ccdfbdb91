import RouterModel
import RouterOSAPI

/// An operation to undo, as the apply left it.
struct RevertStep: Sendable {
    var index: Int
    var operation: Operation
    /// Its dependency level in the plan: undo runs the levels in reverse.
    var level: Int
    /// The router confirmed it (false: in flight when the connection was lost, or refused part-way).
    var confirmed: Bool
    /// Its status had the undo found nothing to do (`failed` for an operation the router refused part-way).
    var statusIfNothingRemains: OperationOutcome.Status
}

/// Undoes operations newest first, finding each target again by its values in a fresh read of
/// its menu: an entry that does not match what rosplay wrote is left alone and reported
/// uncertain, never touched. A lost connection is re-opened (with backoff) and the menus read
/// again before going on.
struct Reverter {
    var session: (any RouterSession)?
    let reconnector: Reconnector?
    let schema: RouterSchema
    let progress: @Sendable (String) -> Void
    /// Round trips so far: reads and waves of undo commands.
    private(set) var waves = 0

    /// Step index → how it ended.
    typealias Results = [Int: (status: OperationOutcome.Status, note: String?)]

    private struct Lost: Error {
        let error: Error
    }

    mutating func revert(_ steps: [RevertStep]) async -> Results {
        var results: Results = [:]
        var pending = steps.sorted { $0.index > $1.index }
        var attempted = Set<Int>()
        while !pending.isEmpty {
            let active: any RouterSession
            if let session {
                active = session
            } else {
                guard let reconnector else {
                    for step in pending { results[step.index] = (.uncertain, "the connection was lost and could not be re-opened to look") }
                    return results
                }
                do {
                    active = try await reconnector.reconnect(progress: progress)
                    session = active
                } catch {
                    for step in pending { results[step.index] = (.uncertain, "the router could not be reached to look: \(error)") }
                    return results
                }
            }
            do {
                try await revertAll(pending, on: active, results: &results, attempted: &attempted)
                pending = []
            } catch let lost as Lost {
                progress("connection lost while undoing: \(lost.error)")
                session = nil
                pending.removeAll { results[$0.index] != nil }
                // Without a way back, everything left is reported as unknown right away.
                if reconnector == nil {
                    for step in pending { results[step.index] = (.uncertain, "the connection was lost while undoing: \(lost.error)") }
                    return results
                }
            } catch {
                for step in pending where results[step.index] == nil { results[step.index] = (.uncertain, "could not read the router to undo: \(error)") }
                return results
            }
        }
        return results
    }

    /// Reads every menu the steps touch (one wave), then undoes level by level.
    private mutating func revertAll(_ steps: [RevertStep], on session: any RouterSession, results: inout Results, attempted: inout Set<Int>) async throws {
        var mirrors = try await readMirrors(Set(steps.map(\.operation.menu)), from: session)
        let levels = Dictionary(grouping: steps, by: \.level)
        for level in levels.keys.sorted(by: >) {
            let byMenu = Dictionary(grouping: levels[level] ?? [], by: \.operation.menu)
            for menu in byMenu.keys.sorted() {
                var mirror = mirrors[menu]!
                let menuSteps = (byMenu[menu] ?? []).sorted { $0.index > $1.index }
                defer { mirrors[menu] = mirror }
                for batch in Self.batches(menuSteps, ordered: mirror.ordered) {
                    try await revert(batch, in: &mirror, on: session, results: &results, attempted: &attempted)
                }
            }
        }
    }

    /// The steps of one menu in waves: all at once, except in an ordered menu, where putting back a
    /// removed or moved entry depends on where the undo before it left the others (and on the
    /// `.id` a re-added entry got), so each of those goes alone; removing added entries does not.
    static func batches(_ steps: [RevertStep], ordered: Bool) -> [[RevertStep]] {
        guard ordered else { return steps.isEmpty ? [] : [steps] }
        var batches: [[RevertStep]] = []
        for step in steps {
            if step.operation.kind == .add, let last = batches.last?.last, last.operation.kind == .add {
                batches[batches.count - 1].append(step)
            } else {
                batches.append([step])
            }
        }
        return batches
    }

    /// Decides every step from `mirror`, then sends all their commands at once.
    private mutating func revert(_ steps: [RevertStep], in mirror: inout MenuMirror, on session: any RouterSession,
                        results: inout Results, attempted: inout Set<Int>) async throws {
        var actions: [(RevertStep, UndoAction)] = []
        for step in steps {
            switch UndoDecision.decide(step.operation, in: mirror, schema: schema) {
            case .revert(let action):
                actions.append((step, action))
            case .notPresent(let reason):
                results[step.index] = attempted.contains(step.index) ? (.undone, nil)
                    : step.confirmed ? (.gone, reason) : (step.statusIfNothingRemains, step.operation.kind == .add ? nil : reason)
            case .leaveAlone(let reason):
                results[step.index] = (.uncertain, reason)
            case .impossible(let reason):
                results[step.index] = (.undoFailed, "cannot undo: \(reason)")
            }
        }
        guard !actions.isEmpty else { return }
        let menu = steps[0].operation.menu
        waves += 1
        // Nothing stops an undo part-way: every request is sent and has an outcome.
        let sent = await session.pipeline(Wave(actions.map { step, action in action.commands(in: menu, sensitive: sensitive(step.operation)) }))
            .compactMap { $0 }
        var lost: Error?
        for ((step, action), outcome) in zip(actions, sent) {
            attempted.insert(step.index)
            switch outcome.error {
            case nil:
                let ret = outcome.replies.compactMap { try? $0.get().ret }.last
                action.record(in: &mirror, ret: ret)
                results[step.index] = (step.confirmed ? .undone : step.statusIfNothingRemains == .failed ? .failed : .undone, nil)
            case let error as RouterOSError where error.isConnectionFailure:
                lost = error
            case let error?:
                results[step.index] = (.undoFailed, "undo: \(error)")
            }
        }
        if let lost { throw Lost(error: lost) }
    }

    /// Names whose values are never shown in an error.
    private func sensitive(_ operation: Operation) -> Set<String> {
        Set(operation.changes.filter { $0.sensitive || SecretRule.isSecret(property: $0.name, in: operation.menu) }.map(\.name))
    }

    private mutating func readMirrors(_ menus: Set<String>, from session: any RouterSession) async throws -> [String: MenuMirror] {
        waves += 1
        do {
            return try await Snapshot.read(Array(menus), from: session).reduce(into: [:]) { mirrors, menu in
                let spec = schema.spec(for: menu.key)
                mirrors[menu.key] = MenuMirror(identity: spec?.identity ?? [], ordered: spec?.ordered == true, live: menu.value)
            }
        } catch let error as RouterOSError where error.isConnectionFailure {
            throw Lost(error: error)
        }
    }
}
