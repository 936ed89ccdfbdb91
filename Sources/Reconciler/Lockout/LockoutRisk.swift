/// One operation of a plan that would, or might, cut rosplay's own session to the router.
public struct LockoutRisk: Sendable, Hashable, CustomStringConvertible {
    /// How sure the guard is.
    public enum Certainty: String, Sendable, Hashable {
        /// The operation cuts the session (or the next connection) as far as the guard can see.
        case cuts
        /// The guard cannot decide (an address list it cannot resolve, a matcher it does not
        /// model): treated as a risk, never as a pass.
        case cannotTell
    }

    /// The operation, as in the plan.
    public var operation: Operation
    public var certainty: Certainty
    /// Why, in plain words, naming the session's address, interface, rule or service.
    public var reason: String

    public init(operation: Operation, certainty: Certainty, reason: String) {
        self.operation = operation
        self.certainty = certainty
        self.reason = reason
    }

    /// `remove /ip/address address=192.0.2.1/24 interface=ether1: cuts the session: …`
    public var description: String {
        let verdict = certainty == .cuts ? "cuts the session" : "cannot tell whether it cuts the session"
        return "\(operation.kind.rawValue) \(operation.menu) \(operation.label): \(verdict): \(reason)"
    }
}
