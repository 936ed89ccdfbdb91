import Playbook

/// Why no plan could be made: problems found by comparing the playbook with the live router,
/// before anything was sent, each where the playbook says what the router cannot do.
public struct PlanError: Error, Sendable, CustomStringConvertible {
    public var problems: [Diagnostic]

    public var description: String {
        problems.map(\.description).joined(separator: "\n")
    }
}
