import Foundation
import Playbook
import RouterModel
import RouterOSAPI
import Testing
@testable import Reconciler

/// Independent operations are pipelined, but never more than a window of them at once: a
/// command queued behind thousands would time out although the router is only busy.
struct ApplyWindowTests {
    let schema = RouterSchema.embedded(RouterOSVersion("7.20.8")!)!

    /// Answers every command after a short pause and records how many were in flight at most.
    final class SlowRouter: RouterSession, @unchecked Sendable {
        private let lock = NSLock()
        private var inFlight = 0
        private(set) var most = 0
        private var next = 0

        func execute(_ command: Command) async throws -> Response {
            if command.path.hasSuffix("/print") { return Response(rows: [], done: .done()) }
            lock.withLock {
                inFlight += 1
                most = max(most, inFlight)
            }
            try await Task.sleep(for: .milliseconds(1))
            return lock.withLock {
                inFlight -= 1
                next += 1
                return Response(rows: [], done: .done(ret: "*\(next)"))
            }
        }
    }

    @Test func aLevelOfManyIndependentAddsKeepsAWindowInFlight() async throws {
        var yaml = "menus:\n  /ip/firewall/address-list:\n"
        for number in 0..<1_200 { yaml += "    - { list: w, address: 10.3.\(number / 256).\(number % 256) }\n" }
        let desired = try PlaybookValidator(schema: schema, environment: [:]).validate(PlaybookLoader.load(text: yaml, file: "t.yaml"))
        let router = SlowRouter()
        let snapshot = try await Snapshot.read(desired, schema: schema, identity: RouterIdentity(version: schema.version, boardName: nil), from: router)
        let plan = try Planner(desired: desired, snapshot: snapshot, schema: schema).plan()
        let report = await Applier(session: router, schema: schema).apply(plan)
        #expect(report.succeeded)
        #expect(report.counts[.applied] == 1_200)
        #expect(router.most <= Wave.maximumInFlight, "\(router.most) in flight at once")
        #expect(router.most > 1, "the adds were not pipelined")
    }

    /// Refuses the tenth add and counts the adds it is sent.
    final class RefusingRouter: RouterSession, @unchecked Sendable {
        private let lock = NSLock()
        private(set) var adds = 0

        func execute(_ command: Command) async throws -> Response {
            if command.path.hasSuffix("/print") { return Response(rows: [], done: .done()) }
            let number = lock.withLock {
                if command.path.hasSuffix("/add") { adds += 1 }
                return adds
            }
            try await Task.sleep(for: .milliseconds(1))
            if command.path.hasSuffix("/add"), number == 10 {
                throw RouterOSError(.trap, stage: .command, command: command.path, traps: [RouterOSTrap(category: nil, message: "refused", command: command.path)])
            }
            return Response(rows: [], done: .done(ret: "*\(number)"))
        }
    }

    /// Once the router refuses one command of a wave, nothing new is sent: what was in flight is
    /// answered and undone, the rest is reported not attempted.
    @Test func aRefusalStopsTheWave() async throws {
        var yaml = "menus:\n  /ip/firewall/address-list:\n"
        for number in 0..<3_000 { yaml += "    - { list: w, address: 10.4.\(number / 256).\(number % 256) }\n" }
        let desired = try PlaybookValidator(schema: schema, environment: [:]).validate(PlaybookLoader.load(text: yaml, file: "t.yaml"))
        let router = RefusingRouter()
        let snapshot = try await Snapshot.read(desired, schema: schema, identity: RouterIdentity(version: schema.version, boardName: nil), from: router)
        let plan = try Planner(desired: desired, snapshot: snapshot, schema: schema).plan()
        let report = await Applier(session: router, schema: schema).apply(plan)
        #expect(!report.succeeded)
        #expect(router.adds < 3_000, "all \(router.adds) adds were sent after the refusal")
        #expect((report.counts[.notAttempted] ?? 0) + router.adds == 3_000, "\(report.counts)")
    }
}
