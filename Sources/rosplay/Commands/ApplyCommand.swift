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
        sent level by level, independent ones together. On a !trap or a lost connection everything already \
        applied is undone in reverse and the report says what happened to each operation.
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
        let applier = Applier(session: run.client, schema: run.schema, reconnect: { try await connection.connect() })
        let report = await applier.apply(run.plan, progress: { Terminal.progress($0) })
        if json { print(ReportJSON.apply(run.plan, report: report, target: run.target)) } else { print(describe(report)) }
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

    private func describe(_ report: ApplyReport) -> String {
        if report.succeeded { return "Applied \(report.outcomes.count) operation(s)." }
        let inFlight = report.outcomes.filter { $0.status == .uncertain }.count
        let remaining = report.outcomes.contains { $0.status == .undoFailed || $0.status == .applied }
        let headline = if report.routerUnchanged {
            "the router is as it was before."
        } else if !remaining {
            "everything applied was undone, but the connection dropped with \(inFlight) operation(s) in flight; run rosplay plan to see whether they took effect:"
        } else {
            "SOME CHANGES REMAIN on the router:"
        }
        var lines = ["Apply failed; " + headline]
        for outcome in report.outcomes {
            let operation = outcome.operation
            lines.append("  \(outcome.status.rawValue.padding(toLength: 13, withPad: " ", startingAt: 0)) \(operation.kind.rawValue) \(operation.menu) \(operation.label)"
                + (outcome.error.map { ": \($0)" } ?? ""))
        }
        return lines.joined(separator: "\n")
    }
}
