/// Where and how to reach a router.
public struct ConnectionConfiguration: Hashable, Sendable {
    /// How the bytes are protected on the way.
    public enum Security: Hashable, Sendable {
        /// API-SSL (default port 8729) with a client ``TLSConfiguration``.
        case tls(TLSConfiguration)
        /// The plain API (default port 8728): passwords travel in clear text. Only when asked.
        case plain
    }

    public var host: String
    public var port: Int
    public var security: Security
    /// Time allowed for the TCP connection to be accepted.
    public var connectTimeout: Duration
    /// Time allowed for the TLS handshake, once TCP is up.
    public var handshakeTimeout: Duration
    /// Time allowed for `/login` to be answered (each of its round trips).
    public var loginTimeout: Duration
    /// Time a command may wait for its `!done` before it fails with ``RouterOSError/timedOut(_:target:after:)``
    /// (overridable per command); nil waits as long as the connection lives. Streams
    /// (``RouterOSClient/stream(_:)``) are exempt: they end when cancelled.
    public var commandTimeout: Duration?
    /// How large one sentence may be on the wire.
    public var limits: WireLimits
    /// How much of one command's reply the client holds; past it the command fails and the connection stays.
    public var replyLimits: ReplyLimits

    public init(
        host: String,
        port: Int? = nil,
        security: Security,
        connectTimeout: Duration = .seconds(10),
        handshakeTimeout: Duration = .seconds(10),
        loginTimeout: Duration = .seconds(10),
        commandTimeout: Duration? = .seconds(60),
        limits: WireLimits = .default,
        replyLimits: ReplyLimits = .default
    ) {
        self.host = host
        self.security = security
        self.port = port ?? Self.defaultPort(for: security)
        self.connectTimeout = connectTimeout
        self.handshakeTimeout = handshakeTimeout
        self.loginTimeout = loginTimeout
        self.commandTimeout = commandTimeout
        self.limits = limits
        self.replyLimits = replyLimits
    }

    /// 8729 for API-SSL, 8728 for the plain API.
    public static func defaultPort(for security: Security) -> Int {
        if case .plain = security { return 8728 }
        return 8729
    }
}
