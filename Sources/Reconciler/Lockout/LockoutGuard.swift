import RouterModel

/// Finds the operations of a plan that would cut rosplay's own session, or the next one: the
/// address, interface, route or WireGuard peer the session comes by, an `input` firewall rule
/// dropping it, the API service, the user or its group. A pure function of the plan and the
/// ``SessionPath`` (which carries the live entries it was read from).
///
/// It is conservative: what it cannot decide (an address list holding DNS names, a matcher it
/// does not model) is a ``LockoutRisk/Certainty/cannotTell`` risk, never a pass.
public struct LockoutGuard: Sendable {
    public let path: SessionPath
    /// The router's version's schema: which menus hold interfaces.
    public let schema: RouterSchema

    public init(path: SessionPath, schema: RouterSchema) {
        self.path = path
        self.schema = schema
    }

    /// The risks of `plan`, in plan order; empty when it leaves the session's path alone.
    public func risks(in plan: Plan) -> [LockoutRisk] {
        var risks = accessRisks(plan)
        if !path.isLoopback {
            risks += plan.operations.flatMap(pathRisks)
            risks += firewallRisks(plan)
        }
        // Ordering hashes every operation: worth it only when there is something to order.
        guard !risks.isEmpty else { return [] }
        let order = Dictionary(plan.operations.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { first, _ in first })
        var seen = Set<LockoutRisk>()
        return risks.filter { seen.insert($0).inserted }.sorted { (order[$0.operation] ?? 0) < (order[$1.operation] ?? 0) }
    }

    // MARK: - Helpers shared by the checks

    /// The live entry an operation acts on, from what the path read.
    func liveEntry(_ operation: Operation) -> LiveEntry? {
        guard let id = operation.id else { return nil }
        return path.live[operation.menu]?.first { $0.id == id }
    }

    /// The entry's values once `operation` has run (for an add: its values; for a remove: its last values).
    func after(_ operation: Operation) -> [String: String] {
        var properties = liveEntry(operation)?.properties ?? [:]
        for change in operation.changes { properties[change.name] = operation.kind == .remove ? change.old : change.new }
        return properties
    }

    /// True when `operation` leaves its entry disabled.
    func disables(_ operation: Operation) -> Bool {
        operation.kind != .remove && after(operation)["disabled"] == "true"
    }

    /// The change of `name`, when `operation` changes it.
    func change(of name: String, in operation: Operation) -> PropertyChange? {
        guard operation.kind == .set || operation.kind == .unset else { return nil }
        return operation.changes.first { $0.name == name && $0.old != $0.new }
    }

    func risk(_ operation: Operation, _ certainty: LockoutRisk.Certainty, _ reason: String) -> LockoutRisk {
        LockoutRisk(operation: operation, certainty: certainty, reason: reason)
    }

    func risk(_ operation: Operation, _ reason: String) -> LockoutRisk {
        risk(operation, .cuts, reason)
    }

    /// Whether a comma-separated list of spans holds the session's address: true, false, or nil
    /// when it does not and some item is not an address.
    func holdsSession(_ list: String) -> Bool? {
        var unreadable = false
        for item in list.split(separator: ",") {
            guard let span = AddressSpan(String(item)) else { unreadable = true; continue }
            if span.contains(path.address) { return true }
        }
        return unreadable ? nil : false
    }
}
