import Foundation
import Playbook
import RouterModel
import RouterOSAPI
import Testing
@testable import Reconciler

/// The rules that keep an apply clear of its own revert: the shortest window allowed for a
/// plan, and when nothing more may be sent before the revert fires.
struct ConfirmWindowRuleTests {
    let schema = RouterSchema.embedded(RouterOSVersion("7.20.8")!)!

    /// A window for a plan of `count` address-list adds (one level).
    func window(_ requested: Duration, adds count: Int) throws -> ConfirmWindow {
        var yaml = "menus:\n  /ip/firewall/address-list:\n"
        for number in 0..<count { yaml += "    - { list: w, address: 10.4.\(number / 256).\(number % 256) }\n" }
        let desired = try PlaybookValidator(schema: schema, environment: [:]).validate(PlaybookLoader.load(text: yaml, file: "t.yaml"))
        let operations = (0..<count).map { _ in Operation(kind: .add, menu: "/ip/firewall/address-list", label: "", changes: []) }
        return ConfirmWindow(requested, plan: Plan(levels: [operations]), desired: desired, schema: schema)
    }

    @Test func theWindowMustBeThreeTimesTheEstimateAndNeverUnderTenSeconds() throws {
        let rule = try window(.seconds(30), adds: 100)
        // 100 operations, 1 level, the menus the verify reads, 10 more.
        #expect(rule.roundTrips > 111)
        #expect(rule.minimum(roundTrip: .milliseconds(1)) == .seconds(10))
        let slow = rule.estimate(roundTrip: .milliseconds(200))
        #expect(slow == .milliseconds(200) * rule.roundTrips)
        let minimum = rule.minimum(roundTrip: .milliseconds(200))
        #expect(minimum >= slow * 3 && minimum < slow * 3 + .seconds(1) && minimum.components.attoseconds == 0)
        #expect(throws: ConfirmError.self) { try rule.check(roundTrip: .milliseconds(200)) }
        #expect(throws: Never.self) { try rule.check(roundTrip: .milliseconds(50)) }
    }

    @Test func theRevertCannotFireBeforeTheWindowLessTheSecondTheRouterClockRoundsAway() {
        let read = ContinuousClock.now
        #expect(RevertDeadline(clockRead: read, window: .seconds(15), roundTrip: .milliseconds(5)).firesNoEarlierThan == read + .seconds(14))
        #expect(RevertDeadline(clockRead: read, window: .milliseconds(14_500), roundTrip: .milliseconds(5)).firesNoEarlierThan == read + .seconds(14))
    }

    @Test func nothingIsSentOnceTheRepliesInFlightAtTheRoutersPaceWouldEatTheReserve() async throws {
        // 29 s before the earliest firing, a reserve of 2 s: far from due however slowly a loaded
        // machine runs this test.
        let deadline = RevertDeadline(clockRead: .now, window: .seconds(30), roundTrip: .milliseconds(1))
        #expect(deadline.reserve == .seconds(2))
        #expect(deadline.allowsSending() && !deadline.isDue && !deadline.mayHaveFired)
        // A request the router took at least 300 ms to answer sets the pace: 100 in flight would
        // take 30 s more, past the firing.
        deadline.sent()
        try await Task.sleep(for: .milliseconds(300))
        deadline.answered()
        for _ in 0..<100 { deadline.sent() }
        #expect(!deadline.allowsSending())
        #expect(!deadline.isDue)
        for _ in 0..<100 { deadline.answered() }
    }
}
