import ArgumentParser
import Reconciler

/// What `apply --confirm-within` does with its revert once the apply is over: disarm it (after a
/// failure that left nothing, or after verifying, over a new connection), or say what becomes of
/// it, never that it stays armed once it may have run.
extension ApplyCommand {
    /// After a failed apply: when the apply handed over to the revert, it has run; when nothing
    /// remains, the revert is removed; otherwise it stays armed to undo the rest by itself.
    func afterFailure(_ report: ApplyReport, armed: ArmedRevert) async {
        if report.revertRan {
            Terminal.note("the revert \(armed.name) has run: nothing is armed on the router")
            return
        }
        guard report.routerUnchanged else {
            Terminal.error(leftToTheRevert(armed, hasRun: await revertHasRun(armed), undoing: "what this report says may remain"))
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
            Terminal.error(Self.revertRan(armed))
            throw ExitCode(1)
        }
        print("Confirmed over a new connection: the revert is disarmed.")
    }

    /// What becomes of `armed`, left on the router to undo `what`, given ``revertHasRun(_:)``:
    /// armed until its time (for the whole apply, `rosplay confirm` keeps it); once that may have
    /// come, what the router says (it ran, or it is running), or that it most likely ran.
    func leftToTheRevert(_ armed: ArmedRevert, hasRun: Bool?, undoing what: String = "this apply") -> String {
        switch hasRun {
        case false?:
            if armed.deadline?.mayHaveFired == true { return "the revert is due now (\(armed.firesAt) router time): the router is undoing \(what)" }
            let keep = what == "this apply" ? " unless you run rosplay confirm --name \(armed.name)" : ""
            return "the revert stays armed: the router undoes \(what) at \(armed.firesAt) (router time)\(keep)"
        case true?:
            return Self.revertRan(armed, undid: what)
        case nil:
            return "the revert was due at \(armed.firesAt) (router time): the router has most likely undone \(what); run rosplay drift to see the state"
        }
    }

    /// Whether `armed` has run: false before its time (without asking the router); after it, true
    /// when the router no longer has it scheduled; nil when the router cannot be asked.
    func revertHasRun(_ armed: ArmedRevert) async -> Bool? {
        guard armed.deadline?.mayHaveFired == true else { return false }
        do {
            let client = try await connection.connect()
            let inventory = try await RevertInventory.read(on: client)
            await client.close()
            return !inventory.armed.contains { $0.name == armed.name }
        } catch {
            return nil
        }
    }

    /// The revert ran before rosplay could confirm.
    static func revertRan(_ armed: ArmedRevert, undid what: String = "this apply") -> String {
        "the revert \(armed.name) ran at \(armed.firesAt) (router time) before rosplay could confirm: the router undid \(what); "
            + "run rosplay drift to see the state"
    }
}
