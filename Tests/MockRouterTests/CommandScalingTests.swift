@testable import MockRouter
import RouterModel
import RouterOSAPI
import Testing

/// A command costs what it touches, not the size of the router (issue 11): the marginal cost of a
/// command in a menu of thousands of entries is compared with that in a near-empty menu. The two
/// are measured in alternating rounds, so a machine that gets busier during the test slows both
/// alike and the ratio does not depend on it. In place it is about 1×; copying the menu for each
/// command (as the mock did before) made it 6–7× in a debug build, scanning it more; the bound
/// allows 4×.
@Suite(.serialized, .timeLimit(.minutes(15))) struct CommandScalingTests {
    static let admin = MockUser(name: "admin", password: "", group: .full)
    static let largeMenu = 10_000
    static let batch = 300

    func device() throws -> RouterDevice {
        try RouterDevice(configuration: MockRouterConfiguration(apiSSLPort: nil))
    }

    /// How long `batch` commands made by `command(i)` take, each expected to succeed.
    func batch(_ device: RouterDevice, from start: Int, _ command: (Int) -> Command) -> Duration {
        ContinuousClock().measure {
            for i in 0..<Self.batch {
                let replies = device.execute(command(start + i), as: Self.admin).replies
                precondition(replies.last?.kind == .done && !replies.contains { $0.kind == .trap }, "\(replies)")
            }
        }
    }

    /// The fastest of five alternating rounds on a near-empty and a large device: `small(round)`
    /// and `large(round)` each run one batch.
    func fastestOfAlternatingRounds(small: (Int) -> Duration, large: (Int) -> Duration) -> (small: Duration, large: Duration) {
        let rounds = (0..<5).map { round in (small(round), large(round)) }
        return (rounds.map(\.0).min()!, rounds.map(\.1).min()!)
    }

    func addressListAdd(_ i: Int) -> Command {
        Command("/ip/firewall/address-list/add", ["list": "scale", "address": "10.\(i / 65536 % 256).\(i / 256 % 256).\(i % 256)"])
    }

    @Test func addCostsTheSameInALargeMenu() throws {
        let empty = try device(), full = try device()
        defer { empty.stop(); full.stop() }
        for i in 0..<Self.largeMenu { _ = full.execute(addressListAdd(i), as: Self.admin) }
        let (small, large) = fastestOfAlternatingRounds(
            small: { batch(empty, from: $0 * Self.batch, addressListAdd) },
            large: { batch(full, from: Self.largeMenu + $0 * Self.batch, addressListAdd) })
        #expect(large < small * 4, "add at \(Self.largeMenu) entries: \(large) per \(Self.batch), near empty: \(small)")
    }

    @Test func setByNameAndUniqueCheckCostTheSameInALargeMenu() throws {
        let empty = try device(), full = try device()
        defer { empty.stop(); full.stop() }
        let addList = { (i: Int) in Command("/interface/list/add", ["name": "list\(i)"]) }
        for i in 0..<Self.batch { _ = empty.execute(addList(i), as: Self.admin) }
        for i in 0..<Self.largeMenu { _ = full.execute(addList(i), as: Self.admin) }
        let setComment = { (i: Int) in Command("/interface/list/set", ["numbers": "list\(i % Self.batch)", "comment": "c\(i)"]) }
        let (small, large) = fastestOfAlternatingRounds(
            small: { batch(empty, from: $0 * Self.batch, setComment) },
            large: { batch(full, from: $0 * Self.batch, setComment) })
        #expect(large < small * 4, "set by name at \(Self.largeMenu) entries: \(large) per \(Self.batch), near empty: \(small)")
    }

    /// A print renders rows as the session asks for them, from a snapshot taken when it ran.
    @Test func printRendersRowsOnlyAsTheyAreWritten() throws {
        let device = try device()
        defer { device.stop() }
        for i in 0..<1_000 { _ = device.execute(addressListAdd(i), as: Self.admin) }
        guard case .stream(var stream) = device.execute(Command("/ip/firewall/address-list/print"), as: Self.admin) else {
            Issue.record("a print of a list menu is not streamed")
            return
        }
        // Changes after the print ran are not in it.
        _ = device.execute(addressListAdd(5_000), as: Self.admin)
        #expect(stream.next(64).count == 64)
        var rows = 64
        var last: [Reply] = []
        while !stream.isFinished {
            last = stream.next(64)
            rows += last.count
        }
        #expect(last.last?.kind == .done)
        #expect(rows == 1_000 + 1)
    }

    /// Changes made in place are undone exactly when a later part of the same command traps.
    @Test func aCommandThatTrapsHalfwayLeavesTheStateAsItWas() throws {
        let device = try device()
        defer { device.stop() }
        for name in ["a", "b", "c"] { _ = device.execute(Command("/interface/list/add", ["name": name]), as: Self.admin) }
        let before = device.readState { $0 }
        // `a` is renamed first, then `b` collides with it: both must stay as they were.
        let replies = device.execute(Command("/interface/list/set", ["numbers": "a,b", "name": "same"]), as: Self.admin).replies
        #expect(replies.first?.kind == .trap)
        #expect(device.readState { $0 } == before)
        let removal = device.execute(Command("/interface/list/remove", ["numbers": "a,all"]), as: Self.admin).replies
        #expect(removal.first?.kind == .trap)
        #expect(device.readState { $0 } == before)
        let trapped = device.execute(Command("/interface/list/add", ["name": "a"]), as: Self.admin).replies
        #expect(trapped.first?.kind == .trap)
        #expect(device.readState { $0 } == before)
    }
}
