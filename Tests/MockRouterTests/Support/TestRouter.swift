import MockRouter
import RouterModel
import RouterOSAPI

/// An in-process MockRouter on 127.0.0.1 with a free port, and clients for it.
struct TestRouter {
    let server: MockRouterServer
    static let user = MockUser(name: "rosplay", password: "s3cret-pass")
    static let credentials = RouterOSClient.Configuration.Credentials(user: user.name, password: user.password)

    static func start(
        tls: MockRouterConfiguration.TLSMode? = nil,
        users: [MockUser] = [TestRouter.user],
        version: String = "7.20.8",
        board: Board = .rb5009,
        statePath: String? = nil,
        faults: FaultInjection = FaultInjection(),
        limits: SessionLimits = SessionLimits(),
        deviceMode: DeviceMode = DeviceMode()
    ) async throws -> TestRouter {
        let certificates = TestCertificates.shared
        let configuration = MockRouterConfiguration(
            apiSSLPort: 0,
            apiPort: 0,
            tls: tls ?? .certificate(certificateFile: certificates.certificateFile, keyFile: certificates.keyFile),
            users: users,
            routerOSVersion: RouterOSVersion(version)!,
            board: board,
            statePath: statePath,
            deviceMode: deviceMode,
            faults: faults,
            limits: limits
        )
        return TestRouter(server: try await MockRouterServer.start(configuration))
    }

    /// A connection over API-SSL with `tls`, to `host` (which must resolve to 127.0.0.1).
    func connect(_ tls: RouterOSClient.Configuration.TLS = .verify(caFile: TestCertificates.shared.caFile), host: String = "localhost") async throws -> RouterOSClient {
        try await RouterOSClient.connect(.init(host: host, port: server.apiSSLPort!, tls: tls))
    }

    /// A connection over the plain API.
    /// A plain-API client; patient at login, for routers whose every reply is delayed on purpose
    /// (8 s of latency and a loaded machine went past the default 10 s).
    func connectPlain() async throws -> RouterOSClient {
        try await RouterOSClient.connect(.init(host: "127.0.0.1", port: server.apiPort!, tls: .plain, loginTimeout: .seconds(60)))
    }

    /// A logged-in plain-API client.
    func loggedIn(_ user: MockUser = TestRouter.user) async throws -> RouterOSClient {
        let client = try await connectPlain()
        try await client.login(user: user.name, password: user.password)
        return client
    }

    func stop() async throws {
        try await server.stop()
    }
}

/// Runs `body` against a fresh router and always stops it.
@discardableResult
func withRouter<T>(
    tls: MockRouterConfiguration.TLSMode? = nil,
    users: [MockUser] = [TestRouter.user],
    version: String = "7.20.8",
    faults: FaultInjection = FaultInjection(),
    deviceMode: DeviceMode = DeviceMode(),
    _ body: (TestRouter) async throws -> T
) async throws -> T {
    let router = try await TestRouter.start(tls: tls, users: users, version: version, faults: faults, deviceMode: deviceMode)
    do {
        let result = try await body(router)
        try await router.stop()
        return result
    } catch {
        try? await router.stop()
        throw error
    }
}

/// True when `error` is a ``RouterOSError`` with `code` that `check` accepts.
func isRouterError(_ error: any Error, _ code: RouterOSError.Code, where check: (RouterOSError) -> Bool = { _ in true }) -> Bool {
    guard let error = error as? RouterOSError, error.code == code else { return false }
    return check(error)
}

/// Waits until `condition` holds, checking every 20 ms for at most `timeout`; returns whether it held.
func eventually(within timeout: Duration = .seconds(5), _ condition: () async throws -> Bool) async rethrows -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return try await condition()
}

/// The message of the `!trap` that `body` failed with (or the error's text when it failed otherwise); nil when it succeeded.
func trapMessage(_ body: () async throws -> Void) async -> String? {
    do {
        try await body()
        return nil
    } catch let error as RouterOSError {
        return error.trap?.message ?? "\(error)"
    } catch {
        return "\(error)"
    }
}
