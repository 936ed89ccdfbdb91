import Foundation
import Playbook
import RouterModel
import Testing
@testable import Reconciler

/// Planning grows with the number of entries, not with its square: matching goes through an
/// identity hash. Compared between 1,000 and 10,000 entries with a generous ratio (linear is
/// about 10, quadratic about 100), best of three, so machine load cannot decide it.
struct LinearPlanningTests {
    let schema = RouterSchema.embedded(RouterOSVersion("7.20.8")!)!

    /// A desired address list of `count` entries and a router holding all of them but one changed.
    func inputs(_ count: Int) throws -> (DesiredState, Snapshot) {
        var yaml = "menus:\n  /ip/firewall/address-list:\n"
        var live: [LiveEntry] = []
        for number in 0..<count {
            let address = "10.\(number / 65536).\((number / 256) % 256).\(number % 256)"
            yaml += "    - { list: big, address: \(address), comment: \"n\(number)\" }\n"
            live.append(LiveEntry(id: "*\(number + 1)", properties: ["list": "big", "address": address, "comment": number == 0 ? "old" : "n\(number)",
                                                                      "disabled": "false", "dynamic": "false"]))
        }
        let desired = try PlaybookValidator(schema: schema, environment: [:]).validate(PlaybookLoader.load(text: yaml, file: "t.yaml"))
        return (desired, Snapshot(version: schema.version, boardName: nil, menus: ["/ip/firewall/address-list": live.reversed()]))
    }

    func bestOfThree(_ count: Int) throws -> Duration {
        let (desired, snapshot) = try inputs(count)
        var best = Duration.seconds(1_000)
        for _ in 0..<3 {
            let start = ContinuousClock.now
            let plan = try Planner(desired: desired, snapshot: snapshot, schema: schema).plan()
            best = min(best, ContinuousClock.now - start)
            #expect(plan.operations.count == 1)
        }
        return best
    }

    @Test func planningTenTimesTheEntriesCostsAboutTenTimesAsMuch() throws {
        let small = try bestOfThree(1_000), large = try bestOfThree(10_000)
        let ratio = Double(large.components.attoseconds / 1_000_000_000 + large.components.seconds * 1_000_000_000)
            / Double(max(1, small.components.attoseconds / 1_000_000_000 + small.components.seconds * 1_000_000_000))
        print("planning 1,000 entries: \(small), 10,000: \(large), ratio \(ratio)")
        #expect(ratio < 35, "10x the entries cost \(ratio)x: planning is not linear")
    }
}
