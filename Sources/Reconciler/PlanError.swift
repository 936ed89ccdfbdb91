/// Why no plan could be made: problems found by comparing the playbook with the live router,
/// before anything was sent.
public struct PlanError: Error, Sendable, CustomStringConvertible {
    public var problems: [String]

    public var description: String {
        problems.map { "error: \($0)" }.joined(separator: "\n")
    }
}
