import ArgumentParser
import Foundation
import Reconciler

/// `rosplay apply`: make the router match the playbooks, verify, and undo everything on failure.
struct ApplyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Change the router to match the playbooks, after showing the plan.",
        discussion: """
        Asks for confirmation on a terminal; without one it refuses unless --yes is given. Operations are \
        sent level by level, independent ones together. On a !trap, a lost connection or Ctrl-C (SIGINT or \
        SIGTERM) nothing new is sent, the replies in flight are awaited, and everything applied is undone in \
        reverse: each entry is found again by its identity and the values rosplay wrote, and one that no \
        longer matches is left alone and reported as uncertain. A lost connection is re-opened with backoff \
        to undo. The report groups operations that ended alike and ends with exact counts. A second Ctrl-C \
        exits at once. Exit status: 0 applied and verified, 1 failed (see the report), 130 interrupted.
        """
    )

    @OptionGroup var playbook: PlaybookOptions
    @OptionGroup var connection: ConnectionOptions

    @Flag(help: "Apply without asking.")
    var yes = false

    @Flag(help: "Print the plan and the outcome of each operation as JSON (schema rosplay.apply/1).")
    var json = false

    func run() async throws {
        let run = try await guarded { try await RouterRun.prepare(connection: connection, playbook: playbook) }
        do {
            try await applyAndVerify(run)
        } catch {
            await run.client.close()
            throw error
        }
        await run.client.close()
    }

    private func applyAndVerify(_ run: RouterRun) async throws {
        let renderer = PlanRenderer(colour: Terminal.isInteractive)
        if run.plan.isEmpty {
            if json { print(ReportJSON.apply(run.plan, report: ApplyReport(outcomes: []), target: run.target)) } else { print(renderer.summary(run.plan)) }
            return
        }
        if !json { print(renderer.render(run.plan)) }
        try confirm()

        let connection = self.connection
        let control = ApplyControl()
        let reconnector = Reconnector(deadline: connection.reconnectDeadline) { try await connection.connect() }
        let applier = Applier(session: run.client, schema: run.schema, reconnector: reconnector, control: control)
        SignalHandling.guardApply(control)
        let report = await applier.apply(run.plan, progress: { Terminal.progress($0) })
        SignalHandling.applyFinished()
        if json { print(ReportJSON.apply(run.plan, report: report, target: run.target)) } else { print(ApplyReportText.render(report)) }
        if control.stopRequested != nil { throw ExitCode(130) }
        guard report.succeeded else { throw ExitCode(1) }

        let remaining = try await guarded { try await run.replan() }
        guard remaining.isEmpty else {
            Terminal.error("applied, but the router now differs in ways the plan did not expect (it normalised some values differently):")
            Terminal.standardError(renderer.render(remaining))
            throw ExitCode(1)
        }
        if !json { print("Verified: the router matches the playbooks.") }
    }

    private func confirm() throws {
        if yes { return }
        guard isatty(STDIN_FILENO) == 1 else {
            Terminal.error("refusing to apply without a terminal to confirm on; pass --yes")
            throw ExitCode(1)
        }
        guard !json else {
            Terminal.error("--json prints no plan to confirm; pass --yes as well")
            throw ExitCode(1)
        }
        print("Apply these changes? Only 'yes' applies: ", terminator: "")
        guard readLine()?.trimmingCharacters(in: .whitespaces) == "yes" else {
            print("Nothing changed.")
            throw ExitCode(1)
        }
    }
}
