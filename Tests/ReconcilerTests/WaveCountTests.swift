import Foundation
import Playbook
import RouterModel
import RouterOSAPI
import Testing
@testable import Reconciler

/// An apply costs round trips, not operations: one wave to read, one per dependency level, one
/// to verify, however many entries, and however many rules go before the same anchor. Counted
/// as the router sees them, never timed.
struct WaveCountTests {
    let schema = RouterSchema.embedded(RouterOSVersion("7.20.8")!)!
    var identity: RouterIdentity { RouterIdentity(version: schema.version, boardName: nil) }

    /// Passes everything on to `router` and records each round trip: the number of requests of
    /// every wave, and 1 for each command sent on its own.
    final class WaveCounter: RouterSession, @unchecked Sendable {
        let router: any RouterSession
        private let lock = NSLock()
        private var recorded: [Int] = []

        init(_ router: any RouterSession) {
            self.router = router
        }

        var waves: [Int] { lock.withLock { recorded } }

        func execute(_ command: Command) async throws -> Response {
            lock.withLock { recorded.append(1) }
            return try await router.execute(command)
        }

        func pipeline(_ wave: Wave) async -> [RequestOutcome?] {
            lock.withLock { recorded.append(wave.requests.count) }
            return await router.pipeline(wave)
        }
    }

    /// A router that runs each wave's requests in reverse order, as a router running a
    /// connection's commands concurrently might.
    final class OutOfOrderRouter: RouterSession, @unchecked Sendable {
        let router: any RouterSession

        init(_ router: any RouterSession) {
            self.router = router
        }

        func execute(_ command: Command) async throws -> Response {
            try await router.execute(command)
        }

        func pipeline(_ wave: Wave) async -> [RequestOutcome?] {
            var outcomes = [RequestOutcome?](repeating: nil, count: wave.requests.count)
            let sent = wave.requests.indices.prefix { _ in wave.proceed() }
            for index in sent.reversed() {
                var replies: [Result<Response, any Error>] = []
                for command in wave.requests[index] {
                    do { replies.append(.success(try await router.execute(command))) } catch { replies.append(.failure(error)) }
                }
                outcomes[index] = RequestOutcome(replies: replies)
                wave.answered(index, outcomes[index]!)
            }
            return outcomes
        }
    }

    func desired(_ yaml: String) throws -> DesiredState {
        try PlaybookValidator(schema: schema, environment: [:]).validate(PlaybookLoader.load(text: yaml, file: "t.yaml"))
    }

    /// Reads, plans, applies and verifies `yaml` on `session`, as `rosplay apply` does.
    func applyAndVerify(_ yaml: String, on session: any RouterSession) async throws -> (ApplyReport, Verifier.Result) {
        let desired = try desired(yaml)
        let snapshot = try await Snapshot.read(desired, schema: schema, identity: identity, from: session)
        let plan = try Planner(desired: desired, snapshot: snapshot, schema: schema).plan()
        let report = await Applier(session: session, schema: schema).apply(plan)
        let verification = try await Verifier(desired: desired, schema: schema, identity: identity, session: session).verify()
        return (report, verification)
    }

    /// `count` rules of chain `input`, each placed before the rule commented `defconf drop`.
    func rulesBeforeTheAnchor(_ count: Int) -> String {
        var yaml = "menus:\n  /ip/firewall/filter:\n"
        for number in 1...count {
            yaml += "    - { chain: input, action: accept, comment: \"mine \(number)\", _place-before: { comment: \"defconf drop\" } }\n"
        }
        return yaml
    }

    @Test func aThousandIndependentAddsTakeOneWaveBetweenTheReadAndTheVerify() async throws {
        var yaml = "menus:\n  /ip/firewall/address-list:\n"
        for number in 0..<1_000 { yaml += "    - { list: mine, address: 10.1.\(number / 256).\(number % 256) }\n" }
        let router = WaveCounter(FakeAddressList())
        let (report, verification) = try await applyAndVerify(yaml, on: router)
        #expect(report.succeeded)
        #expect(report.waves == 1)
        #expect(verification.remaining.isEmpty && verification.waves == 1)
        #expect(router.waves == [1, 1_000, 1], "read, the adds, verify")
    }

    @Test(arguments: [3, 60])
    func rulesBeforeOneAnchorTakeOneWaveHoweverMany(count: Int) async throws {
        let filter = OrderedApplyTests.FakeFilter(["defconf accept", "defconf drop", "other"])
        let router = WaveCounter(filter)
        let (report, verification) = try await applyAndVerify(rulesBeforeTheAnchor(count), on: router)
        #expect(report.succeeded && report.waves == 1)
        #expect(verification.remaining.isEmpty && verification.repair == nil)
        // The reads print the filter and the menus its references name, each read in one wave.
        #expect(router.waves.count == 3 && router.waves[1] == count, "\(router.waves)")
        #expect(filter.comments == ["defconf accept"] + (1...count).map { "mine \($0)" } + ["defconf drop", "other"])
    }

    @Test func movesAndAddsOfOneOrderedMenuShareAWave() async throws {
        let filter = OrderedApplyTests.FakeFilter(["A", "B", "C", "D"])
        let wanted = ["D", "N1", "C", "B", "N2", "A"]
        var yaml = "menus:\n  /ip/firewall/filter:\n"
        for comment in wanted { yaml += "    - { chain: input, action: accept, comment: \(comment) }\n" }
        let (report, verification) = try await applyAndVerify(yaml, on: filter)
        #expect(report.succeeded && report.waves == 1, "\(report.counts)")
        #expect(verification.remaining.isEmpty)
        #expect(filter.comments == wanted)
    }

    @Test func rulesARouterRanOutOfOrderArePutInOrderOneAtATime() async throws {
        let filter = OrderedApplyTests.FakeFilter(["defconf accept", "defconf drop"])
        let (report, verification) = try await applyAndVerify(rulesBeforeTheAnchor(4), on: OutOfOrderRouter(filter))
        #expect(report.succeeded && report.waves == 1)
        let repair = try #require(verification.repair)
        #expect(repair.succeeded && repair.counts[.applied] == 3 && repair.waves == 3, "three moves, one per wave")
        #expect(verification.remaining.isEmpty)
        #expect(filter.comments == ["defconf accept", "mine 1", "mine 2", "mine 3", "mine 4", "defconf drop"])
    }

    /// A Ctrl-C while verifying (the control apply and verify share) stops the repair: no rule is
    /// moved, and what is still out of place is reported, not hidden.
    @Test func aStopRequestedWhileVerifyingMovesNothing() async throws {
        let filter = OrderedApplyTests.FakeFilter(["defconf accept", "defconf drop"])
        let router = OutOfOrderRouter(filter)
        let desired = try desired(rulesBeforeTheAnchor(4))
        let snapshot = try await Snapshot.read(desired, schema: schema, identity: identity, from: router)
        let plan = try Planner(desired: desired, snapshot: snapshot, schema: schema).plan()
        #expect(await Applier(session: router, schema: schema).apply(plan).succeeded)
        let outOfOrder = filter.comments
        let control = ApplyControl()
        control.requestStop("interrupted by SIGINT")
        let verification = try await Verifier(desired: desired, schema: schema, identity: identity, session: router).verify(control: control)
        let repair = try #require(verification.repair)
        #expect(!repair.succeeded && repair.stopReason == "interrupted by SIGINT", "\(repair.counts)")
        #expect(repair.counts[.applied] == nil)
        #expect(filter.comments == outOfOrder)
        #expect(!verification.remaining.isEmpty && verification.remaining.operations.allSatisfy { $0.kind == .move })
    }
}
