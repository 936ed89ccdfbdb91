import ArgumentParser
import Reconciler

/// `rosplay confirm`: keep the changes of an apply made with `--confirm-within --manual-confirm`.
struct ConfirmCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "confirm",
        abstract: "Keep an applied change: disarm the revert that apply --confirm-within left on the router.",
        discussion: """
        Removes the rosplay revert named by --name, or every one armed on the router, each by its name \
        (its /system/scheduler entry, then its /system/script), and says which and when it was to fire. \
        It also removes orphan revert scripts: a rosplay-revert-* script without its scheduler entry, \
        which never runs by itself (an apply cut while arming it, or a revert that stopped part-way at a \
        line the router refused: run rosplay drift to check).

        Exit status: \(ExitStatus.confirm).
        Example: rosplay confirm --router 192.0.2.1 --fingerprint SHA256:… --name rosplay-revert-1a2b3c4d
        """
    )

    @OptionGroup var connection: ConnectionOptions

    @Option(help: ArgumentHelp("Disarm only the revert of this name (as apply printed it); without it, every armed revert.",
                               valueName: "rosplay-revert-…"))
    var name: String?

    /// What was found and done.
    private struct Outcome {
        var disarmed: [ArmedRevert] = []
        /// Armed when read, gone when removed: it fired meanwhile.
        var fired: [ArmedRevert] = []
        var orphansRemoved: [String] = []
        /// Armed reverts not chosen by `--name`.
        var others: [ArmedRevert] = []
    }

    func run() async throws {
        let outcome = try await guarded {
            let client = try await connection.connect()
            SignalHandling.mayChange("while disarming: some reverts may be left armed; run rosplay confirm again")
            do {
                let outcome = try await disarm(on: client)
                await client.close()
                return outcome
            } catch {
                await client.close()
                throw error
            }
        }
        for revert in outcome.disarmed {
            print("Confirmed: disarmed \(revert.name), which was to fire at \(revert.firesAt) (router time).")
        }
        for orphan in outcome.orphansRemoved {
            print("Removed \(orphan), a revert script without its scheduler entry: it never ran by itself, or it ran and stopped "
                + "part-way (run rosplay drift to check).")
        }
        for revert in outcome.fired {
            Terminal.error("\(revert.name) fired at \(revert.firesAt) (router time) before it could be disarmed: the router undid that apply")
        }
        guard outcome.disarmed.isEmpty else { return }
        if let name, outcome.fired.isEmpty {
            let armed = outcome.others.map { "\($0.name) (fires at \($0.firesAt))" }
            Terminal.error("no revert named \(name) is armed on the router (it may have fired already); "
                + (armed.isEmpty ? "none is armed" : "armed: " + armed.joined(separator: ", ")))
        } else if outcome.fired.isEmpty {
            Terminal.error("no rosplay revert is armed on the router (it may have fired already: run rosplay drift to see the state)")
        }
        throw ExitCode(1)
    }

    /// Disarms the chosen reverts and removes the chosen orphans, each by its name.
    private func disarm(on client: any RouterSession) async throws -> Outcome {
        let inventory = try await RevertInventory.read(on: client)
        var outcome = Outcome()
        for revert in inventory.armed {
            guard name == nil || revert.name == name else {
                outcome.others.append(revert)
                continue
            }
            if try await ArmedRevert.disarm(named: revert.name, on: client) { outcome.disarmed.append(revert) } else { outcome.fired.append(revert) }
        }
        for orphan in inventory.orphans where name == nil || orphan == name {
            if try await RevertInventory.removeOrphan(named: orphan, on: client) { outcome.orphansRemoved.append(orphan) }
        }
        return outcome
    }
}
