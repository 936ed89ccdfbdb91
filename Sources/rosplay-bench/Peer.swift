import Foundation

/// A peer script from `Benchmarks/` run in the project's virtualenv (`scripts/setup-interop.sh`),
/// doing the same work with a third-party client for comparison.
enum Peer: String {
    /// librouteros 4.2.2: one command at a time.
    case librouteros = "librouteros_peer.py"
    /// RouterOS-api 0.21.0: tagged commands sent ahead of their replies.
    case routerOSAPI = "routeros_api_peer.py"

    struct Measurement {
        let count: Int
        let seconds: Duration
    }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let python = repository + "/.build-venv/bin/python"

    static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: python) }

    /// Runs the peer with `arguments` (a mode, then its options); nil when the virtualenv is
    /// missing or the run fails.
    func run(_ arguments: [String]) -> Measurement? {
        guard Self.isAvailable else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.python)
        process.arguments = [Self.repository + "/Benchmarks/" + rawValue] + arguments
            + ["--user", RosplayBench.user.name, "--password", RosplayBench.user.password]
        let pipe = Pipe()
        process.standardOutput = pipe
        guard (try? process.run()) != nil else { return nil }
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0, let match = output.firstMatch(of: /count=(\d+) seconds=([\d.]+)/),
              let count = Int(match.1), let seconds = Double(match.2) else { return nil }
        return Measurement(count: count, seconds: .nanoseconds(Int64(seconds * 1e9)))
    }
}
