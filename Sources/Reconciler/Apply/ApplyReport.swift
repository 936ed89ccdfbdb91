/// What happened to one operation during an apply.
public struct OperationOutcome: Sendable {
    public enum Status: String, Sendable, CaseIterable {
        /// Done, and still in place.
        case applied
        /// Done, then reversed after a later failure or an interrupt.
        case undone
        /// The router refused it; nothing of it remains.
        case failed
        /// Never sent: an earlier operation failed, or the apply was interrupted.
        case notAttempted = "not-attempted"
        /// In flight when the connection was lost; looked up afterwards, the router did not hold it.
        case notApplied = "not-applied"
        /// Done, but when the undo looked the router no longer held it: nothing of it remains.
        case gone
        /// The entry no longer matched what rosplay wrote (or could not be told from others), or the
        /// router could not be reached to look: left alone, and it may remain.
        case uncertain
        /// Reversing it failed or is impossible: the router holds it.
        case undoFailed = "not-undone"

        /// True when nothing of the operation can be on the router.
        public var leavesNothing: Bool {
            [.undone, .failed, .notAttempted, .notApplied, .gone].contains(self)
        }
    }

    public var operation: Operation
    public var status: Status
    /// The router's message, the connection error or why the undo left it, secrets redacted.
    public var error: String?

    public init(operation: Operation, status: Status, error: String? = nil) {
        self.operation = operation
        self.status = status
        self.error = error
    }
}

/// The result of an apply: every operation's fate, and why it stopped.
public struct ApplyReport: Sendable {
    public var outcomes: [OperationOutcome]
    /// Why the apply stopped before the end (a refusal, a lost connection, an interrupt); nil when it ran through.
    public var stopReason: String?
    /// One line per reconnect attempt and other events worth keeping, in order.
    public var notes: [String]
    /// Round trips the apply took: each wave of commands sent together, and each read and wave of the undo.
    public var waves: Int
    /// The apply stopped as its armed revert came due, and the revert has run (rosplay ran it, or
    /// the router did): nothing of it is armed any more.
    public var revertRan: Bool

    public init(outcomes: [OperationOutcome], stopReason: String? = nil, notes: [String] = [], waves: Int = 0, revertRan: Bool = false) {
        self.outcomes = outcomes
        self.stopReason = stopReason
        self.notes = notes
        self.waves = waves
        self.revertRan = revertRan
    }

    /// True when every operation was applied.
    public var succeeded: Bool { stopReason == nil && outcomes.allSatisfy { $0.status == .applied } }
    /// True when nothing the apply did can be left on the router.
    public var routerUnchanged: Bool { outcomes.allSatisfy(\.status.leavesNothing) }

    /// How many operations ended with each status.
    public var counts: [OperationOutcome.Status: Int] {
        outcomes.reduce(into: [:]) { $0[$1.status, default: 0] += 1 }
    }

    /// `3 applied, 1,200 undone, 0 not undone, 2 uncertain` and any other status that occurred.
    public var countsLine: String {
        let counts = counts
        let always: [OperationOutcome.Status] = [.applied, .undone, .undoFailed, .uncertain]
        let others = OperationOutcome.Status.allCases.filter { !always.contains($0) && counts[$0] != nil }
        return (always + others).map { "\(counts[$0] ?? 0) \($0 == .undoFailed ? "not undone" : $0.rawValue)" }.joined(separator: ", ")
    }

    /// Outcomes grouped by status, kind, menu and message, in plan order: one line per group with
    /// its count and the first few entries, instead of one line per operation.
    public var groups: [Group] {
        var groups: [Group] = []
        var positions: [GroupKey: Int] = [:]
        for outcome in outcomes {
            let key = GroupKey(status: outcome.status, kind: outcome.operation.kind, menu: outcome.operation.menu, error: outcome.error)
            if let position = positions[key] {
                groups[position].labels.append(outcome.operation.label)
            } else {
                positions[key] = groups.count
                groups.append(Group(status: outcome.status, kind: outcome.operation.kind, menu: outcome.operation.menu, error: outcome.error,
                                    labels: [outcome.operation.label]))
            }
        }
        return groups
    }

    private struct GroupKey: Hashable {
        var status: OperationOutcome.Status
        var kind: Operation.Kind
        var menu: String
        var error: String?
    }

    /// Operations that ended alike.
    public struct Group: Sendable {
        public var status: OperationOutcome.Status
        public var kind: Operation.Kind
        public var menu: String
        public var error: String?
        /// The entries' labels, in plan order.
        public var labels: [String]
    }
}
