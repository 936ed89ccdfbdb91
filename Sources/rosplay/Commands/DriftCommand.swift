import ArgumentParser
import Reconciler

/// `rosplay drift`: for cron. Exit 0 in sync, 2 drifted, 1 error.
struct DriftCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drift",
        abstract: "Check whether the router still matches the playbooks (exit 0 in sync, 2 drifted, 1 error).",
        discussion: """
        Made for cron: no prompts, no colour unless on a terminal, nothing printed in sync with --quiet \
        (rosplay help automation has cron and systemd examples).

        Exit status: \(ExitStatus.drift).
        Example: rosplay drift home.yaml --router 192.0.2.1 --fingerprint SHA256:… --quiet --json > drift.json
        """
    )

    @OptionGroup var playbook: PlaybookOptions
    @OptionGroup var connection: ConnectionOptions

    @Flag(help: "Print the report as JSON (schema rosplay.drift/1).")
    var json = false

    @Flag(help: "Print nothing when the router is in sync.")
    var quiet = false

    func run() async throws {
        let run = try await guarded(json: json ? "rosplay.drift/1" : nil, router: try? connection.endpointText()) {
            try await RouterRun.prepare(connection: connection, playbook: playbook)
        }
        await run.client.close()
        let plan = run.plan
        if json {
            print(ReportJSON.plan(plan, target: run.target, schema: "rosplay.drift/1", armed: run.armedReverts))
        } else if plan.isEmpty {
            if !quiet { print("in sync: \(run.target.router) matches the playbooks") }
        } else {
            let changes = plan.operations.count
            print("drift: \(run.target.router) differs from the playbooks in \(counted(changes, "place"))")
            print(Terminal.renderer.render(plan, title: "Drift"))
        }
        if !plan.isEmpty { throw ExitCode(2) }
    }
}
