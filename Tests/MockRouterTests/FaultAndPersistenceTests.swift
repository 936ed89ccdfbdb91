import Foundation
import MockRouter
import RouterOSAPI
import Testing

/// `--state`, `--trap-on`, `--service-ms`, `--max-sessions`, and the `mock-routeros` executable itself.
@Suite(.timeLimit(.minutes(5))) struct FaultAndPersistenceTests {
    @Test func stateFileSurvivesARestart() async throws {
        let path = NSTemporaryDirectory() + "mock-state-\(UUID().uuidString).json"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let first = try await TestRouter.start(statePath: path)
        let client = try await first.loggedIn()
        let id = try #require(try await client.execute(Command("/ip/firewall/address-list/add", ["list": "kept", "address": "192.0.2.5"])).ret)
        _ = try await client.execute(Command("/system/identity/set", ["name": "edge"]))
        await client.close()
        try await first.stop()

        let second = try await TestRouter.start(statePath: path)
        let again = try await second.loggedIn()
        let rows = try await again.execute(Command("/ip/firewall/address-list/print", queries: [.equals("list", "kept")])).rows
        #expect(rows.map { $0[".id"] } == [id])
        #expect(try await again.execute(Command("/system/identity/print")).rows.first?["name"] == "edge")
        // Numbers continue after the restart rather than starting again.
        let next = try #require(try await again.execute(Command("/ip/firewall/address-list/add", ["list": "kept", "address": "192.0.2.6"])).ret)
        #expect(next != id)
        try await second.stop()
    }

    @Test func trapOnAnswersThatPathWithATrapAndChangesNothing() async throws {
        try await withRouter(faults: FaultInjection(trapOn: "/ip/firewall/address-list/add")) { router in
            let client = try await router.loggedIn()
            await #expect {
                try await client.execute(Command("/ip/firewall/address-list/add", ["list": "x", "address": "192.0.2.1"]))
            } throws: { error in
                (error as? RouterOSError)?.trap?.message.contains("injected") == true
            }
            #expect(try await client.execute(Command("/ip/firewall/address-list/print")).rows.isEmpty)
        }
    }

    @Test func serviceTimeSerialisesCommandsAcrossSessions() async throws {
        try await withRouter(faults: FaultInjection(serviceTime: .milliseconds(60))) { router in
            let a = try await router.loggedIn()
            let b = try await router.loggedIn()
            let clock = ContinuousClock()
            let elapsed = try await clock.measure {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for client in [a, b] {
                        for _ in 0..<5 {
                            group.addTask { _ = try await client.execute(Command("/system/identity/print")) }
                        }
                    }
                    try await group.waitForAll()
                }
            }
            // Ten commands at 60 ms each, one at a time.
            #expect(elapsed >= .milliseconds(540))
        }
    }

    @Test func maxSessionsClosesTheExtraConnection() async throws {
        try await withRouter(faults: FaultInjection(maxSessions: 1)) { router in
            let first = try await router.loggedIn()
            await #expect(throws: (any Error).self) {
                let second = try await router.connectPlain()
                try await second.login(user: TestRouter.user.name, password: TestRouter.user.password)
            }
            await first.close()
            // Once the router has seen the first session end, there is room again.
            #expect(await eventually { (try? await router.loggedIn()) != nil })
        }
    }

    @Test(arguments: [("7.16", [Reply.done()]), ("7.18.2", [Reply(.empty), .done()]), ("7.24", [Reply(.empty), .done()])])
    func emptyIsOnlySentFrom718On(version: String, expected: [Reply]) async throws {
        // The configured version decides: 7.16 runs on the oldest embedded schema (7.18.2) but says no !empty.
        try await withRouter(version: version) { router in
            let session = try await RawSession(port: router.server.apiPort!)
            session.send("/login", "=name=\(TestRouter.user.name)", "=password=\(TestRouter.user.password)")
            _ = await session.readUntilDone()
            session.send("/ip/firewall/address-list/print")
            #expect(await session.readUntilDone() == expected)
        }
    }
}

/// The `mock-routeros` executable as other tools start it.
@Suite(.timeLimit(.minutes(5))) struct MockRouterExecutableTests {
    static var executable: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("mock-routeros").path
    }

    @Test func printsOneReadyLineServesAndStopsOnSIGTERM() async throws {
        let directory = NSTemporaryDirectory() + "mock-certs-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.executable)
        process.arguments = ["--host", "127.0.0.1", "--api-ssl-port", "0", "--api-port", "0", "--certificate", directory,
                             "--user", "ops:pw", "--routeros-version", "7.20.8", "--board", "chr"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        let line = try #require(await Self.firstLine(of: output.fileHandleForReading))
        let match = try #require(line.wholeMatch(of: /mock-routeros ready api-ssl=127\.0\.0\.1:(\d+) api=127\.0\.0\.1:(\d+)/))
        let sslPort = try #require(Int(match.1))
        // The generated CA verifies the certificate for 127.0.0.1.
        let client = try await RouterOSClient.connect(.init(
            host: "127.0.0.1", port: sslPort, tls: .verify(caFile: directory + "/ca.pem"), credentials: .init(user: "ops", password: "pw")))
        #expect(try await client.execute(Command("/system/resource/print")).rows.first?["board-name"] == "CHR")
        await client.close()

        process.terminate()  // SIGTERM
        await offPool { process.waitUntilExit() }
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
    }

    @Test func refusesContradictoryCertificateOptions() async throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.executable)
        process.arguments = ["--api-ssl-port", "0"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        await offPool { process.waitUntilExit() }
        #expect(process.terminationStatus == 64)
    }

    static func firstLine(of handle: FileHandle) async -> String? {
        await offPool {
            var bytes: [UInt8] = []
            while true {
                let chunk = handle.readData(ofLength: 1)
                guard let byte = chunk.first else { return nil }
                if byte == UInt8(ascii: "\n") { return String(decoding: bytes, as: UTF8.self) }
                bytes.append(byte)
            }
        }
    }
}
