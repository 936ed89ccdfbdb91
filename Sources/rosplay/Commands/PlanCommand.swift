import ArgumentParser
import Reconciler

/// `rosplay plan`: what apply would change, without changing anything.
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Show what apply would change on the router."
    )

    @OptionGroup var playbook: PlaybookOptions
    @OptionGroup var connection: ConnectionOptions

    @Flag(help: "Print the plan as JSON (schema rosplay.plan/1).")
    var json = false

    func run() async throws {
        let run = try await guarded(json: json ? "rosplay.plan/1" : nil, router: try? connection.endpointText()) {
            try await RouterRun.prepare(connection: connection, playbook: playbook)
        }
        await run.client.close()
        if json {
            print(ReportJSON.plan(run.plan, target: run.target, schema: "rosplay.plan/1"))
        } else {
            print("rosplay plan for \(run.target.router) (RouterOS \(run.target.version)\(run.target.board.map { ", \($0)" } ?? ""))\n")
            print(Terminal.renderer.render(run.plan))
        }
    }
}
