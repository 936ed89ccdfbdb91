import NIOCore
import NIOPosix
import RouterOSAPI
import Testing

/// Failing to connect is said in a network engineer's words, with no socket library's.
@Suite(.timeLimit(.minutes(5))) struct ConnectFailureTests {
    /// What a user must never read in an error.
    static let internals = ["errno", "NIO", "IOError", "SingleConnectionFailure", "NSCocoaErrorDomain", "SSL routines"]

    @Test func aClosedPortIsRefusedInWords() async throws {
        let port = try await withRouter { $0.server.apiPort! }  // a port that was just closed
        await #expect {
            try await RouterOSClient.connect(.init(host: "127.0.0.1", port: port, tls: .plain))
        } throws: { error in
            isRouterError(error, .connectionRefused) { error in
                error.stage == .connect && error.underlying != nil
                    && "\(error)" == "connection refused by 127.0.0.1:\(port); is the API service enabled on that port (api-ssl 8729, api 8728) "
                        + "and allowed from this address? `/ip service print`"
                    && !Self.internals.contains { "\(error)".contains($0) }
            }
        }
    }

    @Test func aRouterThatNeverAcceptsTimesOutAtConnect() async throws {
        let listener = try FullBacklogListener()
        await #expect {
            try await RouterOSClient.connect(.init(host: "127.0.0.1", port: listener.port, tls: .plain, connectTimeout: .milliseconds(300)))
        } throws: { error in
            isRouterError(error, .timedOut) { error in
                error.stage == .connect && error.timeout == .milliseconds(300)
                    && "\(error)".hasPrefix("127.0.0.1:\(listener.port) did not accept the TCP connection within 0.3s; ")
            }
        }
        withExtendedLifetime(listener) {}
    }

    /// A deadline cuts each stage's 10 s timeout to the time left: a router that accepts and
    /// then says nothing is given up on when the deadline passes, at the stage it was in.
    @Test(arguments: [("connect", "did not accept the TCP connection within"),
                      ("handshake", "did not complete the TLS handshake within"),
                      ("login", "did not answer the login within")])
    func aDeadlineCutsEveryStageToTheTimeLeft(stage: String, words: String) async throws {
        let backlog = try FullBacklogListener()
        // Accepts connections and never sends a byte.
        let silent = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton).bind(host: "127.0.0.1", port: 0).get()
        let port = stage == "connect" ? backlog.port : silent.localAddress!.port!
        let started = ContinuousClock.now
        await #expect {
            try await RouterOSClient.connect(.init(host: "127.0.0.1", port: port, tls: stage == "handshake" ? .anonymous : .plain,
                                                   credentials: .init(user: "admin", password: ""), deadline: started + .milliseconds(500)))
        } throws: { error in
            isRouterError(error, .timedOut) { "\($0)".hasPrefix("127.0.0.1:\(port) \(words) 0.") }
        }
        // The message is written by the timer that fired, naming its duration: "within 0.x s" is
        // the cut one, where the stage's own would say "within 10s". No wall-clock bound: a loaded
        // CI machine took 10.6 s to run this, whichever timer it was.
        try await silent.close()
        withExtendedLifetime(backlog) {}
    }
}
