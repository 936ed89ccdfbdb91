import ArgumentParser
import Reconciler

/// `rosplay plan`: what apply would change, without changing anything.
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Show what apply would change on the router.",
        discussion: """
        Nothing is changed. The plan is grouped by menu in the order the playbooks name them, each operation \
        with the file:line that asked for it; + add, ~ change or unset, - remove, ↕ move (<> where the locale \
        is not UTF-8; colour on a terminal unless NO_COLOR is set or TERM=dumb).

        Exit status: \(ExitStatus.plan).
        Example: rosplay plan home.yaml --router 192.0.2.1 --fingerprint SHA256:… --password-file ~/.rosplay-pw
        """
    )

    @OptionGroup var playbook: PlaybookOptions
    @OptionGroup var connection: ConnectionOptions

    @Flag(help: "Print the plan as JSON (schema rosplay.plan/1).")
    var json = false

    @Flag(name: .customLong("detailed-exitcode"), help: "Exit 2 when the plan has changes, 0 when it has none.")
    var detailedExitCode = false

    func run() async throws {
        let run = try await guarded(json: json ? "rosplay.plan/1" : nil, router: try? connection.endpointText()) {
            try await RouterRun.prepare(connection: connection, playbook: playbook)
        }
        await run.client.close()
        if json {
            print(ReportJSON.plan(run.plan, target: run.target, schema: "rosplay.plan/1", armed: run.armedReverts))
        } else {
            print(run.header("plan"))
            print(Terminal.renderer.render(run.plan))
        }
        if detailedExitCode, !run.plan.isEmpty { throw ExitCode(2) }
    }
}
