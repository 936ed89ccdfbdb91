import MockRouter
import RouterOSAPI

/// `/ip/firewall/address-list/add` against a fresh in-process MockRouter, one at a time (each
/// waiting for its `!done`) or pipelined (all sent, tagged, before the replies are awaited).
/// A router whose commands cost O(1) takes ten times as long for ten times as many adds.
enum AddBench {
    static func command(_ i: Int) -> Command {
        Command("/ip/firewall/address-list/add", ["list": "bench", "address": "10.\(i / 65536 % 256).\(i / 256 % 256).\(i % 256)"])
    }

    static func oneAtATime(_ count: Int) async throws -> Duration {
        try await withFreshRouter { client in
            try await ContinuousClock().measure {
                for i in 0..<count { _ = try await client.execute(command(i)) }
            }
        }
    }

    static func pipelined(_ count: Int) async throws -> Duration {
        try await withFreshRouter { client in
            try await ContinuousClock().measure {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for i in 0..<count { group.addTask { _ = try await client.execute(command(i)) } }
                    try await group.waitForAll()
                }
            }
        }
    }

    /// librouteros adding `count` entries one at a time to a fresh router, or nil without the peer.
    static func peer(_ count: Int) async throws -> Duration? {
        let server = try await MockRouterServer.start(RosplayBench.configuration())
        let measurement = Peer.run(["add", "--port", "\(server.apiPort!)", "--count", "\(count)"])
        try await server.stop()
        return measurement?.seconds
    }

    private static func withFreshRouter(_ body: (RouterOSClient) async throws -> Duration) async throws -> Duration {
        let server = try await MockRouterServer.start(RosplayBench.configuration())
        let client = try await RouterOSClient.connect(.init(host: "127.0.0.1", port: server.apiPort!, tls: .plain,
                                                            credentials: .init(user: RosplayBench.user.name, password: RosplayBench.user.password)))
        let elapsed = try await body(client)
        await client.close()
        try await server.stop()
        return elapsed
    }
}
