/// The machine-readable forms of plans, drift and apply reports. Schemas are documented in
/// `docs/playbooks.md`; field names are stable. Optional fields are written as `null`, never left out.
public enum ReportJSON {
    /// The router a document is about.
    public struct Target: Sendable {
        public var router: String
        public var version: String
        public var board: String?

        public init(router: String, version: String, board: String?) {
            self.router = router
            self.version = version
            self.board = board
        }

        var json: JSONValue {
            .object(["router": .string(router), "version": .string(version), "board": .text(board)])
        }
    }

    /// `rosplay.plan/1` or `rosplay.drift/1`, with the reverts an earlier `apply --confirm-within`
    /// left armed (`armedReverts`: each `name` and `firesAt`, router time): a router in sync now
    /// may still undo an apply when one fires.
    public static func plan(_ plan: Plan, target: Target, schema: String, armed: [ArmedRevert] = []) -> String {
        var document = document(plan, target: target, schema: schema)
        document["armedReverts"] = .array(armed.map { .object(["name": .string($0.name), "firesAt": .string($0.firesAt)]) })
        return JSONValue.object(document).text
    }

    /// `rosplay.apply/1`: the plan, then what happened to each operation, the counts and the round-trip waves.
    public static func apply(_ plan: Plan, report: ApplyReport, target: Target) -> String {
        var document = document(plan, target: target, schema: "rosplay.apply/1")
        document["outcomes"] = .array(report.outcomes.map { outcome in
            .object(["kind": .string(outcome.operation.kind.rawValue), "menu": .string(outcome.operation.menu), "label": .string(outcome.operation.label),
                     "status": .string(outcome.status.rawValue), "error": .text(outcome.error)])
        })
        document["stopReason"] = .text(report.stopReason)
        var counts = ["applied": 0, "undone": 0, "not-undone": 0, "uncertain": 0]
        for (status, count) in report.counts { counts[status.rawValue] = count }
        document["counts"] = .object(counts.mapValues(JSONValue.number))
        document["waves"] = .number(report.waves)
        return JSONValue.object(document).text
    }

    static func document(_ plan: Plan, target: Target, schema: String) -> [String: JSONValue] {
        var operations: [JSONValue] = []
        for (level, operationsOfLevel) in plan.levels.enumerated() {
            for operation in operationsOfLevel {
                let changes = operation.changes.map { change in
                    JSONValue.object(["name": .string(change.name),
                                      "old": .text(change.sensitive ? change.old.map { _ in PlanRenderer.sensitive } : change.old),
                                      "new": .text(change.sensitive ? change.new.map { _ in PlanRenderer.sensitive } : change.new)])
                }
                operations.append(.object([
                    "level": .number(level + 1), "kind": .string(operation.kind.rawValue), "menu": .string(operation.menu), "id": .text(operation.id),
                    "label": .string(operation.label), "location": .text(operation.location), "before": .text(operation.before), "anchor": .text(operation.anchorLabel), "changes": .array(changes),
                ]))
            }
        }
        let summary = Dictionary(uniqueKeysWithValues: [Operation.Kind.add, .set, .unset, .remove, .move].map { ($0.rawValue, JSONValue.number(plan.counts[$0] ?? 0)) })
        return ["schema": .string(schema), "target": target.json, "inSync": .bool(plan.isEmpty), "summary": .object(summary), "operations": .array(operations)]
    }
}
