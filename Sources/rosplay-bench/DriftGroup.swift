import MockRouter

/// `drift`: a router holding exactly the playbook's N address-list entries, checked by rosplay
/// (its engine in this process, and `rosplay drift` as a whole process, with its peak memory)
/// beside librouteros printing the same rows, and rosplay's client doing the read alone (what
/// the router, the link and the decoding take). Each the fastest of `--repeat` runs.
enum DriftGroup {
    /// Round trips a drift cannot do without: login, identity, read.
    static let roundTrips = 3

    static func run(_ options: RosplayBench.Options, conditions: RouterConditions, into report: inout BenchReport) async throws {
        let group = "drift: N address-list entries in sync, \(conditions.label); ÷ peer: librouteros print of the same rows"
        for size in options.sizes {
            try await ApplyGroup.onFreshRouter(conditions) { server in
                let client = try await RosplayBench.client(server)
                try await AddressListEntries.add(size, through: client)
                await client.close()
                let floor = conditions.floor(roundTrips: roundTrips, commands: roundTrips)
                let peer = try await FastestRun.of(options.repeats, elapsed: \.seconds) {
                    Peer.librouteros.run(["print", "--port", "\(server.apiPort!)", "--count", "\(size)"])
                }
                if let peer {
                    report.add(group, "librouteros 4.2.2, print", count: size, elapsed: peer.seconds, .init(floor: conditions.floor(roundTrips: 1, commands: 1)))
                }
                let read = try await FastestRun.of(options.repeats, elapsed: { $0 }) { try await EngineBench.print(port: server.apiSSLPort!, pin: options.pin) }!
                report.add(group, "rosplay client, the read alone", count: size, elapsed: read,
                           .init(floor: conditions.floor(roundTrips: 1, commands: 1), peer: peer?.seconds))
                let playbook = BenchPlaybook.addressList.yaml(size)
                let engine = try await FastestRun.of(options.repeats, elapsed: { $0 }) {
                    try await EngineBench.drift(playbook, port: server.apiSSLPort!, pin: options.pin)
                }!
                report.add(group, "rosplay engine, in process", count: size, elapsed: engine, .init(floor: floor, peer: peer?.seconds))
                guard options.hasRosplay else { return }
                let process = try await BenchPlaybook.addressList.withFile(size) { path in
                    try await FastestRun.of(options.repeats, elapsed: \.elapsed) {
                        try ProcessRun.run(options.rosplay, ["drift", path, "--quiet"] + RosplayBench.rosplayConnection(server, pin: options.pin),
                                           environment: RosplayBench.rosplayEnvironment)
                    }!
                }
                guard process.status == 0 else { throw BenchError("rosplay drift of \(size) entries exited \(process.status), not 0 (in sync)") }
                report.add(group, "rosplay drift, whole process", count: size, elapsed: process.elapsed,
                           .init(peakMegabytes: process.peakMegabytes, floor: floor, peer: peer?.seconds))
            }
        }
    }
}
