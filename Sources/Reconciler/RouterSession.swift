import RouterOSAPI

/// What the reconciler needs of a router connection: run a command, get its replies; send a
/// wave of commands as one round trip. The client is one; tests can use another.
public protocol RouterSession: Sendable {
    func execute(_ command: Command) async throws -> Response

    /// Sends `wave` as one round trip and returns each request's outcome, in order; nil for a
    /// request not sent because ``Wave/proceed`` said stop. The default sends every request from
    /// an immediate task, one after another on this connection, so `execute` must hand its command
    /// to the connection before it first suspends (``RouterOSClient`` writes, then awaits the reply).
    func pipeline(_ wave: Wave) async -> [RequestOutcome?]
}

extension RouterOSClient: RouterSession {}
