import ArgumentParser
import Reconciler

/// What `apply --confirm-within` does with its revert once the apply is over: disarm it, by its
/// name (after a failure that left nothing, or after verifying, over a new connection), or say
/// that it stays armed.
extension ApplyCommand {
    /// After a failed apply rosplay has undone what it could: when nothing remains the revert is
    /// removed; otherwise it stays armed to undo the rest on the router by itself.
    func afterFailure(_ report: ApplyReport, armed: ArmedRevert) async {
        guard report.routerUnchanged else {
            Terminal.error("the revert stays armed: at \(armed.firesAt) (router time) the router undoes by itself what this report says may remain")
            return
        }
        do {
            let client = try await connection.connect()
            let disarmed = try await ArmedRevert.disarm(named: armed.name, on: client)
            await client.close()
            Terminal.progress("nothing remains of the apply; " + (disarmed ? "the revert was removed" : "the revert has run meanwhile"))
        } catch {
            Terminal.error("could not remove the armed revert (\(error)); it fires at \(armed.firesAt) and finds nothing of this apply to undo")
        }
    }

    /// Proves management still works by confirming over a new connection; leaves the revert armed
    /// when asked to, or when the router cannot be reached again; fails when the revert ran first.
    func confirmOverANewConnection(_ armed: ArmedRevert) async throws {
        if manualConfirm {
            print("A revert is armed: at \(armed.firesAt) (router time) the router undoes this apply unless you run "
                + "rosplay confirm --name \(armed.name) with the same --router.")
            return
        }
        let disarmed: Bool
        do {
            let client = try await connection.connect()
            disarmed = try await ArmedRevert.disarm(named: armed.name, on: client)
            await client.close()
        } catch {
            Terminal.error("could not confirm over a new connection (\(error)); the router undoes this apply by itself at \(armed.firesAt) (router time)")
            throw ExitCode(1)
        }
        guard disarmed else {
            Terminal.error("the revert \(armed.name) ran at \(armed.firesAt) (router time) before rosplay could confirm: the router undid this apply; "
                + "run rosplay drift to see the state")
            throw ExitCode(1)
        }
        print("Confirmed over a new connection: the revert is disarmed.")
    }

    /// The revert stays armed for the whole apply; `rosplay confirm` keeps the apply.
    static func leftArmed(_ armed: ArmedRevert) -> String {
        "the revert stays armed: the router undoes this apply at \(armed.firesAt) (router time) unless you run rosplay confirm --name \(armed.name)"
    }
}
