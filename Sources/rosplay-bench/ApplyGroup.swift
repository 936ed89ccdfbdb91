import Foundation
import MockRouter

/// `apply`: a playbook of N entries applied to a fresh router by rosplay (its engine in this
/// process, and the `rosplay` executable as a whole process); for address-list entries, also by
/// the peers doing raw adds only (no read, no plan, no verify): RouterOS-api pipelined,
/// librouteros one at a time. Each the fastest of `--repeat` runs, each run on a fresh router.
enum ApplyGroup {
    /// Round trips an apply cannot do without: login, identity, read, one wave of adds, verify.
    static let roundTrips = 5

    static func run(_ options: RosplayBench.Options, _ playbook: BenchPlaybook, conditions: RouterConditions, into report: inout BenchReport) async throws {
        let peers = playbook == .addressList
        let group = "apply: \(playbook.what) to a fresh router, \(conditions.label)" + (peers ? "; ÷ peer: RouterOS-api pipelined adds" : "")
        for size in options.sizes {
            let floor = conditions.floor(roundTrips: roundTrips, commands: size)
            let peer = !peers ? nil : try await FastestRun.of(options.repeats, elapsed: \.seconds) {
                try await onFreshRouter(conditions) { server in Peer.routerOSAPI.run(["add", "--port", "\(server.apiPort!)", "--count", "\(size)"]) }
            }
            if let peer {
                // One round trip if every add could be in flight at once; the peer keeps 1,000, as rosplay does.
                report.add(group, "RouterOS-api 0.21.0, raw adds pipelined", count: size, elapsed: peer.seconds,
                           .init(floor: conditions.floor(roundTrips: 1, commands: size)))
            }
            let oneAtATimeFloor = conditions.floor(roundTrips: size, commands: size)
            if peers, oneAtATimeFloor + .microseconds(200 * size) <= options.peerBudget, let librouteros = try await onFreshRouter(conditions, { server in
                Peer.librouteros.run(["add", "--port", "\(server.apiPort!)", "--count", "\(size)"])
            }) {
                report.add(group, "librouteros 4.2.2, raw adds one at a time", count: size, elapsed: librouteros.seconds, .init(floor: oneAtATimeFloor))
            }
            let yaml = playbook.yaml(size)
            let engine = try await FastestRun.of(options.repeats, elapsed: \.elapsed) {
                try await onFreshRouter(conditions) { server in try await EngineBench.apply(yaml, port: server.apiSSLPort!, pin: options.pin) }
            }!
            report.add(group, "rosplay engine, in process", count: size, elapsed: engine.elapsed, .init(floor: floor, peer: peer?.seconds, waves: engine.waves))
            guard options.hasRosplay else { continue }
            let process = try await playbook.withFile(size) { path in
                try await FastestRun.of(options.repeats, elapsed: \.elapsed) {
                    try await onFreshRouter(conditions) { server in
                        try ProcessRun.run(options.rosplay, ["apply", path] + RosplayBench.rosplayConnection(server, pin: options.pin) + ["--yes", "--json"],
                                           environment: RosplayBench.rosplayEnvironment)
                    }
                }!
            }
            guard process.status == 0 else { throw BenchError("rosplay apply of \(size) entries exited \(process.status)") }
            report.add(group, "rosplay apply, whole process", count: size, elapsed: process.elapsed,
                       .init(peakMegabytes: process.peakMegabytes, floor: floor, peer: peer?.seconds, waves: waves(in: process.stdout)))
        }
    }

    /// `"waves"` of an `apply --json` document.
    static func waves(in json: String) -> Int? {
        (try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])?["waves"] as? Int
    }

    /// Runs `body` against a router started for it, stopped afterwards.
    static func onFreshRouter<T>(_ conditions: RouterConditions, _ body: (MockRouterServer) async throws -> T) async throws -> T {
        let server = try await conditions.start()
        do {
            let result = try await body(server)
            try await server.stop()
            return result
        } catch {
            try? await server.stop()
            throw error
        }
    }
}
