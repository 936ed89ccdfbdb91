import Foundation
import MockRouter
import RouterOSAPI

/// `swift run -c release rosplay-bench`: commands per second on one API connection to an
/// in-process MockRouter, rosplay's client against librouteros (the peer) in the same run.
@main
struct RosplayBench {
    static let user = MockUser(name: "bench", password: "bench")

    static func main() async throws {
        let count = Int(ProcessInfo.processInfo.environment["BENCH_COUNT"] ?? "") ?? 5000
        let server = try await MockRouterServer.start(MockRouterConfiguration(apiSSLPort: 0, apiPort: 0, tls: .anonymous, users: [user]))
        var results: [(String, Int, Duration)] = []

        for (label, security, port) in [("plain", ConnectionConfiguration.Security.plain, server.apiPort!),
                                        ("TLS (ADH)", .tls(.anonymousClient), server.apiSSLPort!)] {
            let client = try await RouterOSClient.connect(ConnectionConfiguration(host: "127.0.0.1", port: port, security: security))
            try await client.login(user: user.name, password: user.password)
            results.append(("rosplay, one at a time, \(label)", count, try await sequential(client, count)))
            results.append(("rosplay, tagged and pipelined, \(label)", count * 4, try await pipelined(client, count * 4)))
            await client.close()
        }
        let peer = peerRate(port: server.apiPort!, count: count)
        try await server.stop()

        print("rosplay-bench: /system/identity/print against an in-process MockRouter, one connection")
        let baseline = peer.map { Double($0.0) / $0.1.seconds }
        for (label, commands, elapsed) in results {
            let rate = Double(commands) / elapsed.seconds
            let ratio = baseline.map { String(format: "  %.1fx librouteros", rate / $0) } ?? ""
            print(row(label, rate) + ratio)
        }
        if let (commands, elapsed) = peer {
            print(row("librouteros 4.2.2, one at a time, plain (peer)", Double(commands) / elapsed.seconds))
        } else {
            print("librouteros peer not measured: run scripts/setup-interop.sh first")
        }
    }

    static func row(_ label: String, _ rate: Double) -> String {
        label.padding(toLength: 48, withPad: " ", startingAt: 0) + String(format: "%8.0f commands/s", rate)
    }

    static func sequential(_ client: RouterOSClient, _ count: Int) async throws -> Duration {
        try await ContinuousClock().measure {
            for _ in 0..<count { _ = try await client.execute(Command("/system/identity/print")) }
        }
    }

    static func pipelined(_ client: RouterOSClient, _ count: Int) async throws -> Duration {
        try await ContinuousClock().measure {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<count {
                    group.addTask { _ = try await client.execute(Command("/system/identity/print")) }
                }
                try await group.waitForAll()
            }
        }
    }

    /// Runs the librouteros peer script from the project's virtualenv, if it is there.
    static func peerRate(port: Int, count: Int) -> (Int, Duration)? {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
        let python = repository + "/.build-venv/bin/python"
        guard FileManager.default.isExecutableFile(atPath: python) else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [repository + "/Benchmarks/librouteros_peer.py", "--port", "\(port)", "--user", user.name, "--password", user.password, "--count", "\(count)"]
        let pipe = Pipe()
        process.standardOutput = pipe
        guard (try? process.run()) != nil else { return nil }
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0, let match = output.firstMatch(of: /commands=(\d+) seconds=([\d.]+)/),
              let commands = Int(match.1), let seconds = Double(match.2) else { return nil }
        return (commands, .milliseconds(Int64(seconds * 1000)))
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
