import RouterOSAPI

/// What the reconciler needs of a router connection: run a command, get its replies. The client
/// is one; tests can use another.
public protocol RouterSession: Sendable {
    func execute(_ command: Command) async throws -> Response
}

extension RouterOSClient: RouterSession {}
