import Playbook
import RouterModel

/// Checks an apply by reading the router again (one wave) and planning again: what is left is
/// what the router holds differently from the playbooks.
///
/// Rules placed in one wave rely on the router running a connection's commands in the order they
/// arrive. A router that ran them out of order leaves rules out of place and nothing else: only
/// moves in ordered menus. Those are sent one at a time (``OrderedSending/oneAtATime``) and the
/// router is read once more.
public struct Verifier: Sendable {
    public let desired: DesiredState
    public let schema: RouterSchema
    public let identity: RouterIdentity
    public let session: any RouterSession
    /// Opens a fresh session for the repair's undo, should the connection drop while it moves rules.
    public let reconnector: Reconnector?

    public init(desired: DesiredState, schema: RouterSchema, identity: RouterIdentity, session: any RouterSession, reconnector: Reconnector? = nil) {
        self.desired = desired
        self.schema = schema
        self.identity = identity
        self.session = session
        self.reconnector = reconnector
    }

    /// What the verification found.
    public struct Result: Sendable {
        /// What still differs: empty when the router matches the playbooks.
        public var remaining: Plan
        /// The rules put back in order one at a time, when the first read found them out of place.
        public var repair: ApplyReport?
        /// Round trips: the reads, and the repair's waves.
        public var waves: Int
    }

    /// - Parameter control: a stop requested on it (Ctrl-C) ends the repair: nothing more is moved.
    public func verify(control: ApplyControl = ApplyControl(), progress: @escaping @Sendable (String) -> Void = { _ in }) async throws -> Result {
        var remaining = try await replan()
        guard !remaining.isEmpty, remaining.operations.allSatisfy({ $0.kind == .move }) else { return Result(remaining: remaining, waves: 1) }
        progress("\(remaining.operations.count) rule(s) out of place: the router ran a wave's commands out of order; moving them one at a time")
        let repair = await Applier(session: session, schema: schema, reconnector: reconnector, control: control, ordering: .oneAtATime)
            .apply(remaining, progress: progress)
        guard repair.succeeded else { return Result(remaining: remaining, repair: repair, waves: 1 + repair.waves) }
        remaining = try await replan()
        return Result(remaining: remaining, repair: repair, waves: 2 + repair.waves)
    }

    private func replan() async throws -> Plan {
        let snapshot = try await Snapshot.read(desired, schema: schema, identity: identity, from: session)
        return try Planner(desired: desired, snapshot: snapshot, schema: schema).plan()
    }
}
