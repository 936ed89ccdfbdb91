import Foundation
import MockRouter
import RouterOSAPI

/// `swift run -c release rosplay-bench [--json FILE] [--groups codec,adds,identity,apply,rules,drift]
/// [--sizes 100,1000,10000] [--latency-ms 0,20] [--service-ms 1] [--repeat 3] [--peer-budget-s 25] [--rosplay PATH] [--rules N]`
///
/// Measures, against in-process MockRouters and beside the peers (librouteros and RouterOS-api,
/// when `scripts/setup-interop.sh` has made `.build-venv/`):
/// - `codec`: the wire codec on a print of `--rules` firewall rules (default 10,000): MB/s and sentences/s;
/// - `adds`: address-list adds one at a time and pipelined at each of `--sizes`, each on a fresh
///   router, with the cost per add relative to the smallest size (1.0: linear);
/// - `identity`: `/system/identity/print` round trips on one connection, plain and TLS;
/// - `apply`: a playbook of N address-list entries applied to a fresh router, at each latency of
///   `--latency-ms` and once more with `--service-ms` per command: rosplay's engine in process and
///   the `rosplay` executable as a whole process, beside the peers' raw adds;
/// - `rules`: N firewall rules placed before one defconf rule, applied at each latency: an ordered
///   menu, which takes one wave too;
/// - `drift`: the same playbook against a router in sync, at each latency, beside librouteros
///   printing the same rows, with the whole process's peak memory.
///
/// Whole-process rows need the `rosplay` executable beside this one (`swift build -c release`), or
/// another one given with `--rosplay` (an older build, to compare).
/// Prints a table; `--json FILE` also writes the rows as JSON.
@main
struct RosplayBench {
    static let user = MockUser(name: "bench", password: "bench")

    static func configuration(faults: FaultInjection = FaultInjection()) -> MockRouterConfiguration {
        MockRouterConfiguration(apiSSLPort: 0, apiPort: 0, tls: BenchCertificate.tls, users: [user], faults: faults)
    }

    /// A client of the router listening on `port`, logged in as the benchmark's user.
    static func client(port: Int, tls: RouterOSClient.Configuration.TLS) async throws -> RouterOSClient {
        try await RouterOSClient.connect(.init(host: "127.0.0.1", port: port, tls: tls, credentials: .init(user: user.name, password: user.password)))
    }

    /// A plain-API client of `server`, logged in.
    static func client(_ server: MockRouterServer) async throws -> RouterOSClient {
        try await client(port: server.apiPort!, tls: .plain)
    }

    /// The options that point a `rosplay` process at `server`'s API-SSL, its certificate pinned.
    static func rosplayConnection(_ server: MockRouterServer, pin: CertificateFingerprint) -> [String] {
        ["--router", "127.0.0.1:\(server.apiSSLPort!)", "--user", user.name, "--fingerprint", pin.description]
    }

    static let rosplayEnvironment = ["ROSPLAY_PASSWORD": user.password]

    struct Options {
        static let groups = ["codec", "adds", "identity", "apply", "rules", "drift"]

        var jsonPath: String?
        var groups = Options.groups
        var sizes = [100, 1_000, 10_000]
        var latencies = [0, 20]
        var service = 1
        var peerBudget = Duration.seconds(25)
        /// Runs of each apply and drift measurement; the fastest is kept.
        var repeats = 3
        /// The `rosplay` executable of the whole-process rows.
        var rosplay = ProcessRun.besideThisOne
        /// The fingerprint of the routers' certificate, which rosplay pins.
        let pin: CertificateFingerprint
        var rules = 10_000
        var identityCount = 5_000

        init(_ arguments: [String]) throws {
            var remaining = arguments[...]
            while let flag = remaining.popFirst() {
                guard let value = remaining.popFirst() else { throw BenchError("\(flag) needs a value") }
                switch flag {
                case "--json": jsonPath = value
                case "--groups":
                    groups = value.split(separator: ",").map(String.init)
                    if let unknown = groups.first(where: { !Options.groups.contains($0) }) {
                        throw BenchError("--groups: no group \(unknown) (\(Options.groups.joined(separator: ", ")))")
                    }
                case "--sizes": sizes = try Self.numbers(value, for: flag)
                case "--latency-ms": latencies = try Self.numbers(value, for: flag, zero: true)
                case "--service-ms": service = try Self.count(value, for: flag, zero: true)
                case "--peer-budget-s": peerBudget = .seconds(try Self.count(value, for: flag, zero: true))
                case "--rosplay": rosplay = value
                case "--repeat": repeats = try Self.count(value, for: flag)
                case "--rules": rules = try Self.count(value, for: flag)
                case "--identity-count": identityCount = try Self.count(value, for: flag)
                default: throw BenchError("unknown option \(flag)")
                }
            }
            pin = try BenchCertificate.prepare()
        }

        static func numbers(_ text: String, for flag: String, zero: Bool = false) throws -> [Int] {
            try text.split(separator: ",").map { try count(String($0), for: flag, zero: zero) }
        }

        static func count(_ text: String, for flag: String, zero: Bool = false) throws -> Int {
            guard let count = Int(text), count > 0 || zero && count == 0 else {
                throw BenchError("\(flag): '\(text)' is not a \(zero ? "number" : "positive number")")
            }
            return count
        }

        var hasRosplay: Bool { FileManager.default.isExecutableFile(atPath: rosplay) }

        /// The router conditions of the apply group: each latency, then the first with `--service-ms`.
        var applyConditions: [RouterConditions] {
            latencies.map { RouterConditions(latencyMilliseconds: $0, serviceMilliseconds: 0) }
                + (service > 0 ? [RouterConditions(latencyMilliseconds: latencies.first ?? 0, serviceMilliseconds: service)] : [])
        }
    }

    static func main() async throws {
        let options = try Options(Array(CommandLine.arguments.dropFirst()))
        var report = BenchReport()
        if options.groups.contains("codec") { try codec(options, into: &report) }
        if options.groups.contains("adds") { try await adds(options, into: &report) }
        if options.groups.contains("identity") { try await identity(options, into: &report) }
        if options.groups.contains("apply") {
            for conditions in options.applyConditions {
                try await ApplyGroup.run(options, .addressList, conditions: conditions, into: &report)
            }
        }
        if options.groups.contains("rules") {
            for latency in options.latencies {
                try await ApplyGroup.run(options, .rulesBeforeAnchor, conditions: RouterConditions(latencyMilliseconds: latency, serviceMilliseconds: 0), into: &report)
            }
        }
        if options.groups.contains("drift") {
            for latency in options.latencies {
                try await DriftGroup.run(options, conditions: RouterConditions(latencyMilliseconds: latency, serviceMilliseconds: 0), into: &report)
            }
        }
        print("rosplay-bench: in-process MockRouters over loopback (rosplay over TLS with a pinned certificate, peers over the plain API); peers "
            + (Peer.isAvailable ? "librouteros 4.2.2 and RouterOS-api 0.21.0 from .build-venv" : "not measured: run scripts/setup-interop.sh first")
            + (options.hasRosplay ? "; whole process: \(options.rosplay)" : "; no whole-process rows: \(options.rosplay) is not built (swift build -c release)"))
        print(report.table)
        if let path = options.jsonPath { try report.writeJSON(to: path) }
    }

    static func codec(_ options: Options, into report: inout BenchReport) throws {
        let group = "codec: print of \(options.rules) firewall rules (\(CodecBench.rounds) rounds)"
        let replies = RuleRows.replies(count: options.rules)
        let result = try CodecBench.measure(replies)
        report.add(group, "rosplay encode", count: result.sentences, elapsed: result.encode, bytes: result.bytes)
        report.add(group, "rosplay decode (framing + reply parsing)", count: result.sentences, elapsed: result.decode, bytes: result.bytes)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("rosplay-bench-print-\(getpid()).bin")
        try Data(CodecBench.wire(replies).readableBytesView).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        for mode in ["encode", "decode"] {
            if let peer = Peer.librouteros.run([mode, "--file", file.path, "--rounds", "\(CodecBench.rounds)"]) {
                report.add(group, "librouteros \(mode)", count: peer.count, elapsed: peer.seconds, bytes: result.bytes)
            }
        }
    }

    static func adds(_ options: Options, into report: inout BenchReport) async throws {
        let group = "MockRouter: /ip/firewall/address-list/add on a fresh router"
        for size in options.sizes {
            report.add(group, "rosplay, one at a time", count: size, elapsed: try await AddBench.oneAtATime(size))
        }
        for size in options.sizes {
            report.add(group, "rosplay, pipelined", count: size, elapsed: try await AddBench.pipelined(size))
        }
        for size in options.sizes {
            guard let elapsed = try await AddBench.peer(size) else { break }
            report.add(group, "librouteros, one at a time", count: size, elapsed: elapsed)
        }
    }

    static func identity(_ options: Options, into report: inout BenchReport) async throws {
        let group = "MockRouter: /system/identity/print round trips, one connection"
        let count = options.identityCount
        let server = try await MockRouterServer.start(configuration())
        for (label, tls, port) in [("plain", RouterOSClient.Configuration.TLS.plain, server.apiPort!), ("TLS", .pinned(options.pin), server.apiSSLPort!)] {
            let client = try await client(port: port, tls: tls)
            report.add(group, "rosplay, one at a time, \(label)", count: count, elapsed: try await ContinuousClock().measure {
                for _ in 0..<count { _ = try await client.execute(Command("/system/identity/print")) }
            })
            report.add(group, "rosplay, pipelined, \(label)", count: count * 4, elapsed: try await ContinuousClock().measure {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for _ in 0..<count * 4 { group.addTask { _ = try await client.execute(Command("/system/identity/print")) } }
                    try await group.waitForAll()
                }
            })
            await client.close()
        }
        if let peer = Peer.librouteros.run(["identity", "--port", "\(server.apiPort!)", "--count", "\(count)"]) {
            report.add(group, "librouteros, one at a time, plain", count: peer.count, elapsed: peer.seconds)
        }
        try await server.stop()
    }
}
