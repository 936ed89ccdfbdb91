import MockRouter

/// What the router is like during a measurement: the delay before each reply (a network round
/// trip) and the time each command takes it, one command after another (its CPU).
struct RouterConditions: Sendable {
    let latencyMilliseconds: Int
    let serviceMilliseconds: Int

    var faults: FaultInjection {
        FaultInjection(latency: .milliseconds(latencyMilliseconds), serviceTime: .milliseconds(serviceMilliseconds))
    }

    /// `20 ms latency`, `0 ms latency, 1 ms a command`.
    var label: String {
        "\(latencyMilliseconds) ms latency" + (serviceMilliseconds > 0 ? ", \(serviceMilliseconds) ms a command" : "")
    }

    /// The least time `roundTrips` round trips and `commands` commands can take on such a router
    /// (what no client can go below); zero on an instant router.
    func floor(roundTrips: Int, commands: Int) -> Duration {
        .milliseconds(roundTrips * latencyMilliseconds + commands * serviceMilliseconds)
    }

    /// A fresh router in these conditions.
    func start() async throws -> MockRouterServer {
        try await MockRouterServer.start(RosplayBench.configuration(faults: faults))
    }
}
