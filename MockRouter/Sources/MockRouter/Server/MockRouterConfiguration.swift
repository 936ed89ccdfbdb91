import RouterModel
import RouterOSAPI

/// How to run a ``MockRouterServer``.
public struct MockRouterConfiguration: Sendable {
    /// How API-SSL presents itself.
    public enum TLSMode: Hashable, Sendable {
        /// A certificate and key, as after `/ip/service set api-ssl certificate=…`.
        case certificate(certificateFile: String, keyFile: String)
        /// No certificate: anonymous Diffie-Hellman, as RouterOS's default `certificate=none`.
        case anonymous
    }

    /// Address to listen on: `127.0.0.1`, `::1`, or a name such as `localhost`, which binds the first address it resolves to.
    public var host: String
    /// API-SSL port (0 picks a free one); nil turns API-SSL off.
    public var apiSSLPort: Int?
    /// Plain API port (0 picks a free one); nil (the default) turns it off.
    public var apiPort: Int?
    public var tls: TLSMode
    public var users: [MockUser]
    public var routerOSVersion: RouterOSVersion
    /// The board whose factory state the mock starts in (and returns to on reset).
    public var board: Board
    /// Keep the configuration in this JSON file across restarts; nil keeps it in memory only.
    public var statePath: String?
    /// The router's device-mode (`--device-mode-scheduler no` turns the scheduler off).
    public var deviceMode: DeviceMode
    public var faults: FaultInjection
    /// Login and idle timeouts of API sessions.
    public var limits: SessionLimits

    public init(
        host: String = "127.0.0.1",
        apiSSLPort: Int? = 0,
        apiPort: Int? = nil,
        tls: TLSMode = .anonymous,
        users: [MockUser] = [MockUser(name: "admin", password: "")],
        routerOSVersion: RouterOSVersion = RouterOSVersion("7.20.8")!,
        board: Board = .rb5009,
        statePath: String? = nil,
        deviceMode: DeviceMode = DeviceMode(),
        faults: FaultInjection = FaultInjection(),
        limits: SessionLimits = SessionLimits()
    ) {
        self.limits = limits
        self.deviceMode = deviceMode
        self.board = board
        self.statePath = statePath
        self.host = host
        self.apiSSLPort = apiSSLPort
        self.apiPort = apiPort
        self.tls = tls
        self.users = users
        self.routerOSVersion = routerOSVersion
        self.faults = faults
    }
}

extension MockRouterConfiguration.TLSMode {
    /// The server side of the TLS library for this mode.
    var server: TLSServerConfiguration {
        switch self {
        case .certificate(let certificateFile, let keyFile): return .certificate(certificateFile: certificateFile, keyFile: keyFile)
        case .anonymous: return .anonymous
        }
    }
}
