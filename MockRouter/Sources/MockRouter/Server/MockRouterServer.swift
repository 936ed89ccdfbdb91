import NIOCore
import NIOPosix
import RouterOSAPI

/// A RouterOS v7 API server: API-SSL (and the plain API when asked) in front of a ``RouterDevice``.
///
/// ```swift
/// let server = try await MockRouterServer.start(MockRouterConfiguration(tls: .anonymous))
/// // connect to 127.0.0.1:server.apiSSLPort!
/// try await server.stop()
/// ```
public final class MockRouterServer: Sendable {
    /// The simulated router behind every session.
    public let device: RouterDevice
    /// The bound API-SSL port, when API-SSL is on.
    public let apiSSLPort: Int?
    /// The bound plain API port, when the plain API is on.
    public let apiPort: Int?
    private let listeners: [Channel]
    /// The most a session's socket is read at once.
    static let readSize = 4096

    private init(device: RouterDevice, apiSSLPort: Int?, apiPort: Int?, listeners: [Channel]) {
        self.device = device
        self.apiSSLPort = apiSSLPort
        self.apiPort = apiPort
        self.listeners = listeners
    }

    /// Binds the configured ports and starts accepting sessions.
    public static func start(
        _ configuration: MockRouterConfiguration,
        eventLoopGroup: EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) async throws -> MockRouterServer {
        let device = try RouterDevice(configuration: configuration)
        let tlsContext = try SSLContext(server: configuration.tls.server)
        var listeners: [Channel] = []
        do {
            var sslPort: Int?
            var plainPort: Int?
            if let port = configuration.apiSSLPort {
                let channel = try await bind(configuration.host, port, device: device, tls: tlsContext, group: eventLoopGroup)
                listeners.append(channel)
                sslPort = channel.localAddress?.port
            }
            if let port = configuration.apiPort {
                let channel = try await bind(configuration.host, port, device: device, tls: nil, group: eventLoopGroup)
                listeners.append(channel)
                plainPort = channel.localAddress?.port
            }
            return MockRouterServer(device: device, apiSSLPort: sslPort, apiPort: plainPort, listeners: listeners)
        } catch {
            device.stop()
            for channel in listeners { try? await channel.close() }
            throw error
        }
    }

    private static func bind(
        _ host: String, _ port: Int, device: RouterDevice, tls: SSLContext?, group: EventLoopGroup
    ) async throws -> Channel {
        try await ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            // Small reads, one per loop iteration: one session's pipeline is handled a read at a
            // time, with the other sockets of the loop polled in between (see SessionHandler).
            .childChannelOption(.maxMessagesPerRead, value: 1)
            .childChannelOption(.recvAllocator, value: FixedSizeRecvByteBufferAllocator(capacity: readSize))
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let sync = channel.pipeline.syncOperations
                    if let tls {
                        try sync.addHandler(OpenSSLHandler(context: tls, on: channel.eventLoop))
                    }
                    if let idle = device.limits.idleTimeout {
                        try sync.addHandler(IdleStateHandler(readTimeout: TimeAmount(idle)))
                    }
                    try sync.addHandler(ByteToMessageHandler(SentenceFrameDecoder()))
                    try sync.addHandler(MessageToByteHandler(SentenceFrameEncoder()))
                    try sync.addHandler(SessionHandler(device: device))
                }
            }
            .bind(host: host, port: port)
            .get()
    }

    /// Stops listening, stops the scheduler and closes every open session.
    public func stop() async throws {
        device.stop()
        for channel in listeners { try await channel.close() }
        await device.closeAllSessions()
    }
}
