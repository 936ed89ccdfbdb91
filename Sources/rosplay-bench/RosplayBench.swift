import Foundation
import MockRouter
import RouterOSAPI

/// `swift run -c release rosplay-bench [--json FILE] [--sizes 1000,10000,100000] [--rules N]`
///
/// Measures, against an in-process MockRouter and beside librouteros (the peer, when
/// `scripts/setup-interop.sh` has made `.build-venv/`):
/// - the wire codec on a print of `--rules` firewall rules (default 10,000): MB/s and sentences/s;
/// - address-list adds one at a time and pipelined at each of `--sizes`, each on a fresh router,
///   with the cost per add relative to the smallest size (1.0: linear);
/// - `/system/identity/print` round trips on one connection, plain and TLS.
///
/// Prints a table; `--json FILE` also writes the rows as JSON.
@main
struct RosplayBench {
    static let user = MockUser(name: "bench", password: "bench")

    static func configuration() -> MockRouterConfiguration {
        MockRouterConfiguration(apiSSLPort: 0, apiPort: 0, tls: .anonymous, users: [user])
    }

    struct Options {
        var jsonPath: String?
        var sizes = [1_000, 10_000, 100_000]
        var rules = 10_000
        var identityCount = 5_000

        init(_ arguments: [String]) throws {
            var remaining = arguments[...]
            while let flag = remaining.popFirst() {
                guard let value = remaining.popFirst() else { throw UsageError("\(flag) needs a value") }
                switch flag {
                case "--json": jsonPath = value
                case "--sizes": sizes = try value.split(separator: ",").map { try Self.count(String($0), for: flag) }
                case "--rules": rules = try Self.count(value, for: flag)
                case "--identity-count": identityCount = try Self.count(value, for: flag)
                default: throw UsageError("unknown option \(flag)")
                }
            }
        }

        static func count(_ text: String, for flag: String) throws -> Int {
            guard let count = Int(text), count > 0 else { throw UsageError("\(flag): '\(text)' is not a positive number") }
            return count
        }
    }

    struct UsageError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = "rosplay-bench: " + description }
    }

    static func main() async throws {
        let options = try Options(Array(CommandLine.arguments.dropFirst()))
        var report = BenchReport()
        try codec(options, into: &report)
        try await adds(options, into: &report)
        try await identity(options, into: &report)
        print("rosplay-bench: in-process MockRouter over loopback; librouteros \(Peer.isAvailable ? "4.2.2 from .build-venv" : "not measured: run scripts/setup-interop.sh first")")
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
            if let peer = Peer.run([mode, "--file", file.path, "--rounds", "\(CodecBench.rounds)"]) {
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
        for (label, tls, port) in [("plain", RouterOSClient.Configuration.TLS.plain, server.apiPort!), ("TLS (ADH)", .anonymous, server.apiSSLPort!)] {
            let client = try await RouterOSClient.connect(.init(host: "127.0.0.1", port: port, tls: tls, credentials: .init(user: user.name, password: user.password)))
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
        if let peer = Peer.run(["identity", "--port", "\(server.apiPort!)", "--count", "\(count)"]) {
            report.add(group, "librouteros, one at a time, plain", count: peer.count, elapsed: peer.seconds)
        }
        try await server.stop()
    }
}
