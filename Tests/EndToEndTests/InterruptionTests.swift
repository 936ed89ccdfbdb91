import Foundation
import MockRouter
import NIOCore
import NIOPosix
import RouterOSAPI
import Testing

/// Ctrl-C and silent routers, driven through the real `rosplay` binary.
@Suite(.timeLimit(.minutes(15))) struct InterruptionTests {
    /// A playbook of `count` firewall rules in a temporary file: one wave, of which at most
    /// ``Wave/maximumInFlight`` commands are in flight at once; the rest wait to be sent, and a
    /// stop keeps them back.
    func rulesPlaybook(_ count: Int) throws -> String {
        var yaml = "menus:\n  /ip/firewall/filter:\n"
        for number in 0..<count { yaml += "    - { chain: mine, action: accept, comment: rule \(number) }\n" }
        let path = NSTemporaryDirectory() + "rosplay-interrupt-\(UUID().uuidString).yaml"
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Starts an apply of `playbook` and returns once the router holds `count` of its rules.
    func applyUntil(_ count: Int, _ playbook: String, on runner: CLIRunner, _ extra: [String] = []) async throws -> CLIRunner.Running {
        let apply = runner.launch("apply", [playbook], ["--yes"] + extra)
        let deadline = ContinuousClock.now + .seconds(60)
        while runner.rules(inChain: "mine") < count, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        return apply
    }

    /// A router that takes 2 ms a command: 2,000 rules keep it busy for 4 s however fast the
    /// machine, far longer than the test takes to see 30 of them and interrupt.
    static let rules = 2_000
    static let busyRouter = FaultInjection(latency: .milliseconds(10), serviceTime: .milliseconds(2))

    @Test func sigintMidApplyUndoesWhatWasAppliedAndExits130() async throws {
        let runner = try await CLIRunner.start(faults: Self.busyRouter)
        let playbook = try rulesPlaybook(Self.rules)
        let before = try await runner.fullSnapshot()
        let apply = try await applyUntil(30, playbook, on: runner)
        apply.send(SIGINT)
        let result = await apply.finish()
        #expect(result.status == 130, "\(result.all)")
        #expect(result.stderr.contains("SIGINT: sending nothing new"), "\(result.stderr)")
        #expect(result.stdout.contains("Apply stopped: interrupted by SIGINT."), "\(result.stdout)")
        #expect(result.stdout.contains("Nothing of this apply remains on the router."), "\(result.stdout)")
        #expect(result.stdout.contains("0 applied,") && result.stdout.contains("0 not undone, 0 uncertain"), "\(result.stdout)")
        #expect(runner.rules(inChain: "mine") == 0)
        #expect(try await runner.fullSnapshot().mapValues { $0.count } == before.mapValues { $0.count })
        try await runner.stop()
        try? FileManager.default.removeItem(atPath: playbook)
    }

    @Test func aSecondSigintExitsAtOnceSayingWhatMayRemain() async throws {
        let runner = try await CLIRunner.start(faults: Self.busyRouter)
        let playbook = try rulesPlaybook(Self.rules)
        let apply = try await applyUntil(30, playbook, on: runner)
        apply.send(SIGINT)
        try await Task.sleep(for: .milliseconds(50))
        apply.send(SIGINT)
        let result = await apply.finish()
        #expect(result.status == 130, "\(result.all)")
        #expect(result.stderr.contains("SIGINT again: exiting at once."), "\(result.all)")
        #expect(result.stderr.contains("may remain on the router: run rosplay plan"), "\(result.stderr)")
        // What remains is left for a plain re-run, which converges.
        #expect(await runner.rosplay("apply", [playbook], ["--yes"]).status == 0)
        #expect(await runner.rosplay("drift", [playbook]).status == 0)
        try await runner.stop()
        try? FileManager.default.removeItem(atPath: playbook)
    }

    @Test func sigintWhileReadingExits130SayingNothingChanged() async throws {
        let runner = try await CLIRunner.start(faults: FaultInjection(latency: .seconds(3)))
        let plan = runner.launch("plan")
        // Once rosplay has connected it is past installing its handlers and waiting on the router.
        let deadline = ContinuousClock.now + .seconds(30)
        while runner.server.device.openSessionCount == 0, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(10))
        }
        plan.send(SIGINT)
        let result = await plan.finish()
        #expect(result.status == 130, "\(result.all)")
        #expect(result.stderr.contains("interrupted by SIGINT before anything was changed on the router"), "\(result.stderr)")
        // With --json, standard output still gets a document: the error, and the exit status.
        let again = ContinuousClock.now + .seconds(30)
        while runner.server.device.openSessionCount > 0, ContinuousClock.now < again { try await Task.sleep(for: .milliseconds(10)) }
        let json = runner.launch("drift", ["relay.yaml"], ["--json"])
        while runner.server.device.openSessionCount == 0, ContinuousClock.now < again { try await Task.sleep(for: .milliseconds(10)) }
        json.send(SIGTERM)
        let document = await json.finish()
        #expect(document.status == 130, "\(document.all)")
        #expect(document.stdout.contains("\"exitStatus\" : 130"), "\(document.stdout)")
        #expect(document.stdout.contains("\"schema\" : \"rosplay.drift/1\""), "\(document.stdout)")
        #expect(document.stdout.contains("interrupted by SIGTERM before anything was changed on the router"), "\(document.stdout)")
        try await runner.stop()
    }

    /// A TCP server that accepts connections and never sends a byte.
    func silentServer() async throws -> (Channel, Int) {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: "127.0.0.1", port: 0).get()
        return (channel, channel.localAddress!.port!)
    }

    /// The router goes away mid-apply and something that accepts connections and never answers
    /// takes its port: every reconnect attempt's connect, handshake and login are cut to the
    /// time left, so rosplay gives up when `--reconnect-within` says, not a login timeout later.
    @Test func aSilentListenerInTheRoutersPlaceIsGivenUpOnWithinTheReconnectDeadline() async throws {
        let runner = try await CLIRunner.start(faults: RestartAndKillTests.busyRouter)
        let port = runner.server.apiSSLPort!
        let playbook = try rulesPlaybook(Self.rules)
        let apply = try await applyUntil(20, playbook, on: runner, ["--reconnect-within", "3s"])
        try await runner.server.stop()
        let dropped = ContinuousClock.now
        let silent = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: "127.0.0.1", port: port).get()
        let result = await apply.finish()
        let elapsed = ContinuousClock.now - dropped
        #expect(result.status == 1, "\(result.all)")
        #expect(result.stderr.contains("giving up after 3s"), "\(result.stderr)")
        // 3 s to reconnect, and slack for a loaded machine; a full handshake timeout would be 10 s.
        #expect(elapsed < .seconds(7), "gave up \(elapsed) after the drop: \(result.stderr)")
        try await silent.close()
        try? FileManager.default.removeItem(atPath: playbook)
        try? FileManager.default.removeItem(atPath: runner.passwordFile)
    }

    @Test(arguments: [
        ("--no-certificate", "did not complete the TLS handshake within 1s"),
        ("--plain", "did not answer the login within 1s"),
    ])
    func aSilentRouterMakesDriftExit1WithinTheTimeoutNamingTheStage(mode: String, stage: String) async throws {
        let (server, port) = try await silentServer()
        let result = await CLIRunner.run(["drift", CLIRunner.fixtures + "/relay.yaml", "--router", "127.0.0.1:\(port)", mode, "--timeout", "1s"],
                                         environment: ["WG_PRIVATE_KEY": CLIRunner.privateKey, "ROSPLAY_PASSWORD": "x"])
        #expect(result.status == 1, "\(result.all)")
        #expect(result.stderr.contains("127.0.0.1:\(port) \(stage)"), "\(result.stderr)")
        try await server.close()
    }
}
