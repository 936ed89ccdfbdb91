import Foundation
import RouterOSAPI

/// An apply that stops when its armed revert is due does not undo anything itself while the
/// revert may fire: two undos of the same change, racing, could each put back what the other
/// did. It hands over to the revert instead: it takes the revert off the scheduler and runs it
/// at once, or, when the router has run it already, waits until it is done. Afterwards no revert
/// is armed, and the apply checks every operation as its own undo would (see ``Reverter``):
/// what the revert put back is found undone, and only what landed after it ran is undone.
enum RevertHandover {
    /// How long a revert the router started may take to finish (its script removes itself last).
    static let finishing: Duration = .seconds(10)

    /// Runs `armed` now, or waits for the router's run of it; one progress line says which.
    static func run(_ armed: ArmedRevert, on session: any RouterSession, progress: @Sendable (String) -> Void) async throws {
        let name = armed.name
        if try await ArmedRevert.remove(named: name, from: "/system/scheduler", on: session) {
            progress("running it now, before its time (/system/script/run \(name))")
            do {
                _ = try await session.execute(Command("/system/script/run", ["number": name]))
            } catch let error as RouterOSError where error.trap != nil {
                progress("the revert stopped at a line the router refused (\(error)); rosplay undoes the rest itself")
            }
            // Still there when a line was refused: it would never run again.
            _ = try await ArmedRevert.remove(named: name, from: "/system/script", on: session)
            return
        }
        if armed.deadline?.mayHaveFired == false {
            progress("it is no longer scheduled: someone disarmed it (rosplay confirm)")
            return
        }
        progress("the router ran it at \(armed.firesAt) (router time), while rosplay's commands waited")
        let end = ContinuousClock.now + finishing
        while try await RevertInventory.read(on: session).orphans.contains(name), ContinuousClock.now < end {
            try await Task.sleep(for: .milliseconds(250))
        }
    }
}
