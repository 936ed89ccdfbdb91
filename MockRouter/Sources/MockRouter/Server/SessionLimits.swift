/// How long an API session may hold one of the router's session slots without doing its part.
///
/// A connection takes a `max-sessions` slot when it is accepted, as on RouterOS; these bound how
/// long a client that never finishes the TLS handshake or the login, or goes quiet, keeps it.
public struct SessionLimits: Hashable, Sendable {
    /// From accept to a successful `/login` (the TLS handshake included); nil waits forever.
    public var loginTimeout: Duration?
    /// How long a logged-in session may send nothing while it runs no streaming command
    /// (`listen`, `print follow`); nil (the default) waits forever.
    public var idleTimeout: Duration?

    public init(loginTimeout: Duration? = .seconds(60), idleTimeout: Duration? = nil) {
        self.loginTimeout = loginTimeout
        self.idleTimeout = idleTimeout
    }
}
