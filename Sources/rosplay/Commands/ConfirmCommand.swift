import ArgumentParser
import Reconciler

/// `rosplay confirm`: keep the changes of an apply made with `--confirm-within --manual-confirm`.
struct ConfirmCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "confirm",
        abstract: "Keep an applied change: disarm the revert that apply --confirm-within left on the router.",
        discussion: """
        Removes every rosplay revert armed on the router (its /system/scheduler entry and /system/script).

        Exit status: \(ExitStatus.confirm).
        Example: rosplay confirm --router 192.0.2.1 --fingerprint SHA256:…
        """
    )

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let removed = try await guarded {
            let client = try await connection.connect()
            do {
                let removed = try await ArmedRevert.disarm(on: client)
                await client.close()
                return removed
            } catch {
                await client.close()
                throw error
            }
        }
        guard !removed.isEmpty else {
            Terminal.error("no rosplay revert is armed on the router (it may have fired already: run rosplay drift to see the state)")
            throw ExitCode(1)
        }
        for revert in removed {
            print("Confirmed: disarmed \(revert.name), which was to fire at \(revert.firesAt) (router time).")
        }
    }
}
