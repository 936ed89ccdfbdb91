@testable import MockRouter
import RouterModel
import RouterOSAPI
import Testing

/// A command costs what it touches, not the size of the router (issue 11): the marginal cost of a
/// command in a menu of thousands of entries is compared with that in a near-empty menu, on the
/// same device, so the ratio does not depend on the machine. In place it is about 1×; copying the
/// menu for each command (as the mock did before) made it 6–7× in a debug build, scanning it more;
/// the bound allows 4×.
@Suite(.serialized) struct CommandScalingTests {
    static let admin = MockUser(name: "admin", password: "", group: .full)
    static let largeMenu = 10_000
    static let batch = 300

    func device() throws -> RouterDevice {
        try RouterDevice(configuration: MockRouterConfiguration(apiSSLPort: nil))
    }

    /// The fastest of three runs of `batch` commands made by `command(i)`, each expected to succeed.
    func fastestBatch(_ device: RouterDevice, from start: Int, _ command: (Int) -> Command) -> Duration {
        (0..<3).map { run in
            ContinuousClock().measure {
                for i in 0..<Self.batch {
                    let replies = device.execute(command(start + run * Self.batch + i), as: Self.admin).replies
                    precondition(replies.last?.kind == .done && !replies.contains { $0.kind == .trap }, "\(replies)")
                }
            }
        }.min()!
    }

    func addressListAdd(_ i: Int) -> Command {
        Command("/ip/firewall/address-list/add", ["list": "scale", "address": "10.\(i / 65536 % 256).\(i / 256 % 256).\(i % 256)"])
    }

    @Test func addCostsTheSameInALargeMenu() throws {
        let device = try device()
        defer { device.stop() }
        let small = fastestBatch(device, from: 0, addressListAdd)
        for i in 3 * Self.batch..<Self.largeMenu { _ = device.execute(addressListAdd(i), as: Self.admin) }
        let large = fastestBatch(device, from: Self.largeMenu, addressListAdd)
        #expect(large < small * 4, "add at \(Self.largeMenu) entries: \(large) per \(Self.batch), near empty: \(small)")
    }

    @Test func setByNameAndUniqueCheckCostTheSameInALargeMenu() throws {
        let device = try device()
        defer { device.stop() }
        let addList = { (i: Int) in Command("/interface/list/add", ["name": "list\(i)"]) }
        for i in 0..<3 * Self.batch { _ = device.execute(addList(i), as: Self.admin) }
        let setComment = { (i: Int) in Command("/interface/list/set", ["numbers": "list\(i % (3 * Self.batch))", "comment": "c\(i)"]) }
        let small = fastestBatch(device, from: 0, setComment)
        for i in 3 * Self.batch..<Self.largeMenu { _ = device.execute(addList(i), as: Self.admin) }
        let large = fastestBatch(device, from: 0, setComment)
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
