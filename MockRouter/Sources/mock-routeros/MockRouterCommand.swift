import ArgumentParser
import Dispatch
import Foundation
import MockRouter
import RouterModel

/// `mock-routeros`: a RouterOS v7 API server for tests.
@main
struct MockRouterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mock-routeros",
        abstract: "A RouterOS v7 API server (API-SSL on 8729, plain API when asked) for testing RouterOS clients.",
        discussion: """
        When listening it prints one line, `mock-routeros ready api-ssl=HOST:PORT` (plus ` api=HOST:PORT` \
        when the plain API is on), and runs until SIGTERM or SIGINT.
        """
    )

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(name: .customLong("api-ssl-port"), help: "API-SSL port; 0 picks a free port.")
    var apiSSLPort = 8729

    @Option(name: .customLong("api-port"), help: "Also listen for the plain (unencrypted) API on this port; 0 picks a free port.")
    var apiPort: Int?

    @Option(help: "Folder with ca.pem, cert.pem and key.pem; missing files are generated (a CA and a certificate for localhost and 127.0.0.1).")
    var certificate: String?

    @Flag(name: .customLong("no-certificate"), help: "Run API-SSL without a certificate: anonymous Diffie-Hellman only, as RouterOS with certificate=none.")
    var noCertificate = false

    @Option(name: .customLong("user"), help: "A user as NAME:PASSWORD or NAME:PASSWORD:GROUP (full, write, read); repeatable. Default: admin with an empty password.")
    var users: [String] = []

    @Option(name: .customLong("routeros-version"), help: "RouterOS version to behave as: \(RouterSchema.embeddedVersions.map(\.description).joined(separator: ", ")).")
    var routerOSVersion = "7.20.8"

    @Option(help: "Board to simulate: rb5009 (factory defconf) or chr (ether1 with a DHCP client).")
    var board = "rb5009"

    @Option(help: "Keep the configuration in this JSON file across restarts.")
    var state: String?

    @Option(name: .customLong("latency-ms"), help: "Delay every reply by this many milliseconds (without serialising commands).")
    var latencyMilliseconds = 0

    @Option(name: .customLong("service-ms"), help: "Processing time per command, one command at a time across sessions (a slow router CPU).")
    var serviceMilliseconds = 0

    @Option(name: .customLong("drop-after"), help: "Close the first session when its Nth sentence arrives (later sessions are not affected).")
    var dropAfter: Int?

    @Option(name: .customLong("trap-on"), help: "Answer every command on this path (/ip/address/add) or under this menu (/ip/address) with a !trap.")
    var trapOn: String?

    @Option(name: .customLong("stall-after"), help: "Once a command on this path (/system/scheduler/add) has run, hold every later command for --stall-ms (a CPU suddenly taken; the scheduler keeps running).")
    var stallAfter: String?

    @Option(name: .customLong("stall-ms"), help: "How long --stall-after holds the commands after it.")
    var stallMilliseconds = 10_000

    @Option(name: .customLong("max-sessions"), help: "Close connections beyond this many open sessions.")
    var maxSessions: Int?

    @Option(name: .customLong("login-timeout-ms"), help: "Close a connection that has not logged in (TLS handshake included) within this many milliseconds, freeing its --max-sessions slot; 0 waits forever.")
    var loginTimeoutMilliseconds = 60_000

    @Option(name: .customLong("idle-timeout-ms"), help: "Close a logged-in session that sends nothing for this many milliseconds while running no listen or print follow; 0 (the default) waits forever.")
    var idleTimeoutMilliseconds = 0

    @Option(name: .customLong("reboot-ms"), help: "How long connections are refused after /system/reset-configuration.")
    var rebootMilliseconds = 500

    @Option(name: .customLong("device-mode-scheduler"), help: "yes or no: whether device-mode allows the scheduler. With no, /system/scheduler add, set and enable fail with 'not allowed by device-mode' and no entry fires.")
    var deviceModeScheduler = "yes"

    func validate() throws {
        guard (certificate == nil) != (noCertificate == false) else {
            throw ValidationError("give exactly one of --certificate DIR or --no-certificate")
        }
        guard RouterOSVersion(routerOSVersion) != nil else {
            throw ValidationError("--routeros-version: '\(routerOSVersion)' is not a version such as 7.20.8")
        }
        for user in users where MockUser(argument: user) == nil {
            throw ValidationError("--user: '\(user)' is not NAME:PASSWORD or NAME:PASSWORD:GROUP")
        }
        guard ["yes", "no"].contains(deviceModeScheduler) else {
            throw ValidationError("--device-mode-scheduler: '\(deviceModeScheduler)' is not yes or no")
        }
        guard Board(rawValue: board) != nil else {
            throw ValidationError("--board: '\(board)' is not one of \(Board.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        for (name, value) in [("--latency-ms", latencyMilliseconds), ("--service-ms", serviceMilliseconds), ("--reboot-ms", rebootMilliseconds),
                              ("--login-timeout-ms", loginTimeoutMilliseconds), ("--idle-timeout-ms", idleTimeoutMilliseconds),
                              ("--stall-ms", stallMilliseconds), ("--drop-after", dropAfter ?? 1), ("--max-sessions", maxSessions ?? 1)] where value < 0 {
            throw ValidationError("\(name) must not be negative")
        }
    }

    func run() async throws {
        let tls: MockRouterConfiguration.TLSMode
        if let certificate {
            let directory = CertificateDirectory(path: certificate)
            try directory.ensure()
            tls = .certificate(certificateFile: directory.certificateFile, keyFile: directory.keyFile)
        } else {
            tls = .anonymous
        }
        let configuration = MockRouterConfiguration(
            host: host,
            apiSSLPort: apiSSLPort,
            apiPort: apiPort,
            tls: tls,
            users: users.isEmpty ? [MockUser(name: "admin", password: "")] : users.compactMap(MockUser.init(argument:)),
            routerOSVersion: RouterOSVersion(routerOSVersion)!,
            board: Board(rawValue: board)!,
            statePath: state,
            deviceMode: DeviceMode(scheduler: deviceModeScheduler == "yes"),
            faults: FaultInjection(
                latency: .milliseconds(latencyMilliseconds),
                dropAfterSentences: dropAfter,
                serviceTime: .milliseconds(serviceMilliseconds),
                trapOn: trapOn,
                maxSessions: maxSessions,
                rebootDelay: .milliseconds(rebootMilliseconds),
                stall: stallAfter.map { FaultInjection.Stall(after: $0, duration: .milliseconds(stallMilliseconds)) }
            ),
            limits: SessionLimits(
                loginTimeout: loginTimeoutMilliseconds == 0 ? nil : .milliseconds(loginTimeoutMilliseconds),
                idleTimeout: idleTimeoutMilliseconds == 0 ? nil : .milliseconds(idleTimeoutMilliseconds)
            )
        )
        let server = try await MockRouterServer.start(configuration)
        var ready = "mock-routeros ready api-ssl=\(host):\(server.apiSSLPort!)"
        if let port = server.apiPort { ready += " api=\(host):\(port)" }
        FileHandle.standardOutput.write(Data((ready + "\n").utf8))
        await Self.waitForTermination()
        try await server.stop()
    }

    /// Returns when SIGTERM or SIGINT arrives.
    static func waitForTermination() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let once = SignalOnce(continuation)
            for signalNumber in [SIGTERM, SIGINT] {
                signal(signalNumber, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
                source.setEventHandler { once.fire() }
                source.resume()
                SignalOnce.sources.append(source)
            }
        }
    }
}

/// Resumes a continuation at most once, whichever signal comes first.
private final class SignalOnce: @unchecked Sendable {
    nonisolated(unsafe) static var sources: [DispatchSourceSignal] = []
    private var continuation: CheckedContinuation<Void, Never>?
    private let lock = NSLock()

    init(_ continuation: CheckedContinuation<Void, Never>) {
        self.continuation = continuation
    }

    func fire() {
        lock.lock()
        let pending = continuation
        continuation = nil
        lock.unlock()
        pending?.resume()
    }
}
