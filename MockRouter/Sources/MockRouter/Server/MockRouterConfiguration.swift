import RouterModel

/// How to run a ``MockRouterServer``.
public struct MockRouterConfiguration: Sendable {
    /// How API-SSL presents itself.
    public enum TLSMode: Hashable, Sendable {
        /// A certificate and key, as after `/ip/service set api-ssl certificate=…`.
        case certificate(certificateFile: String, keyFile: String)
        /// No certificate: anonymous Diffie-Hellman, as RouterOS's default `certificate=none`.
        case anonymous
    }

    /// Address to listen on.
    public var host: String
    /// API-SSL port (0 picks a free one); nil turns API-SSL off.
    public var apiSSLPort: Int?
    /// Plain API port (0 picks a free one); nil (the default) turns it off.
    public var apiPort: Int?
    public var tls: TLSMode
    public var users: [MockUser]
    public var routerOSVersion: RouterOSVersion
    public var faults: FaultInjection

    public init(
        host: String = "127.0.0.1",
        apiSSLPort: Int? = 0,
        apiPort: Int? = nil,
        tls: TLSMode = .anonymous,
        users: [MockUser] = [MockUser(name: "admin", password: "")],
        routerOSVersion: RouterOSVersion = RouterOSVersion("7.20.8")!,
        faults: FaultInjection = FaultInjection()
    ) {
        self.host = host
        self.apiSSLPort = apiSSLPort
        self.apiPort = apiPort
        self.tls = tls
        self.users = users
        self.routerOSVersion = routerOSVersion
        self.faults = faults
    }
}
