extension RouterOSClient {
    /// Where a router is, how to reach and trust it, who logs in, and how long and how much to
    /// wait for it. Client-only: nothing here configures a server.
    ///
    /// ```swift
    /// let configuration = RouterOSClient.Configuration(
    ///     host: "192.0.2.1", tls: .pinned(fingerprint),
    ///     credentials: .init(user: "rosplay", password: password))
    /// ```
    public struct Configuration: Hashable, Sendable {
        /// A DNS name, an IPv4 address, or an IPv6 address without brackets.
        public var host: String
        /// The API port: 8729 for API-SSL, 8728 for the plain API, unless the router moved it.
        public var port: Int
        /// How the connection is protected and the router trusted.
        public var tls: TLS
        /// Who logs in when ``RouterOSClient/connect(_:logger:eventLoopGroup:)`` connects; nil
        /// connects without logging in (call ``RouterOSClient/login(user:password:)``).
        public var credentials: Credentials?
        /// Time allowed for the TCP connection to be accepted.
        public var connectTimeout: Duration
        /// Time allowed for the TLS handshake, once TCP is up.
        public var handshakeTimeout: Duration
        /// Time allowed for `/login` to be answered (each of its round trips).
        public var loginTimeout: Duration
        /// Time a command may wait for its `!done` before it fails with ``RouterOSError/Code/timedOut``
        /// (overridable per command); nil waits as long as the connection lives. Streams
        /// (``RouterOSClient/stream(_:)``) are exempt: they end when cancelled.
        public var commandTimeout: Duration?
        /// When set, no stage waits past this instant: the TCP connection, the TLS handshake and
        /// each round trip of the login get at most the time left when they start (so an attempt
        /// to reconnect within an overall deadline cannot overrun it by a stage's timeout).
        public var deadline: ContinuousClock.Instant?
        /// How large one sentence may be on the wire.
        public var wireLimits: WireLimits
        /// How much of one command's reply the client holds, and how far a stream's consumer may
        /// fall behind before reading pauses.
        public var replyLimits: ReplyLimits

        /// - Parameter port: nil for the default of `tls`: 8729 for API-SSL, 8728 for ``TLS/plain``.
        public init(
            host: String,
            port: Int? = nil,
            tls: TLS,
            credentials: Credentials? = nil,
            connectTimeout: Duration = .seconds(10),
            handshakeTimeout: Duration = .seconds(10),
            loginTimeout: Duration = .seconds(10),
            commandTimeout: Duration? = .seconds(60),
            deadline: ContinuousClock.Instant? = nil,
            wireLimits: WireLimits = .default,
            replyLimits: ReplyLimits = .default
        ) {
            self.host = host
            self.port = port ?? tls.defaultPort
            self.tls = tls
            self.credentials = credentials
            self.connectTimeout = connectTimeout
            self.handshakeTimeout = handshakeTimeout
            self.loginTimeout = loginTimeout
            self.commandTimeout = commandTimeout
            self.deadline = deadline
            self.wireLimits = wireLimits
            self.replyLimits = replyLimits
        }

        /// `timeout`, cut to what is left before ``deadline``.
        func limited(_ timeout: Duration) -> Duration {
            Self.limited(timeout, by: deadline)
        }

        /// `timeout`, cut to what is left before `deadline` (at least a millisecond: a stage
        /// past the deadline fails at once, never waits without a limit).
        static func limited(_ timeout: Duration, by deadline: ContinuousClock.Instant?) -> Duration {
            guard let deadline else { return timeout }
            return max(min(timeout, deadline - .now), .milliseconds(1))
        }

        /// The router as errors and reports name it.
        public var address: RouterAddress { RouterAddress(host: host, port: port) }
    }
}
