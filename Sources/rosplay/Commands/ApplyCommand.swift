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
        sent level by level, each level as one wave of commands sent together (rules in the order they must \
        land; up to 1,000 unanswered at once), so an apply costs a few round trips however many entries it \
        changes. On a !trap, a lost connection or Ctrl-C (SIGINT or \
        SIGTERM) nothing new is sent, the replies in flight are awaited, and everything applied is undone in \
        reverse: each entry is found again by its identity and the values rosplay wrote, and one that no \
        longer matches is left alone and reported as uncertain. A lost connection is re-opened with backoff \
        to undo. The report groups operations that ended alike and ends with exact counts. A second Ctrl-C \
        exits at once. A Ctrl-C once the apply has succeeded stops its verification (and any repair of rule \
        order) and leaves what was applied.

        With --confirm-within, the router itself reverts the change unless rosplay confirms it in time: \
        before the first change rosplay installs the inverse of the plan as a /system/script run once by a \
        /system/scheduler entry when the window expires; after applying and verifying it opens a new \
        connection (proof that management still works) and removes both, by name. If it cannot, the router \
        reverts by itself. With --manual-confirm it leaves the revert armed for you to disarm with rosplay \
        confirm --name. The window must fit the plan: at least 3 times the estimated time to apply, verify \
        and confirm (one round trip, as measured while arming, per operation, per level, per menu read to \
        verify, and 10 more), and never under 10s; a shorter one is refused before any change, saying what \
        to pass. While applying, nothing new is sent once the replies in flight could not all come back \
        (at the pace the router has shown) while leaving 2s, or 4 round trips, before the revert may fire; \
        rosplay then stops and hands over to the revert: it runs it at once (or waits for the router's run of \
        it to finish) and undoes only what landed after it. A confirmed apply is refused while another \
        rosplay revert is armed on the router: confirm that one first.

        Exit status: \(ExitStatus.apply).
        Example: rosplay apply site.yaml --router 192.0.2.1 --fingerprint SHA256:… --confirm-within 2m
        """
    )

    @OptionGroup var playbook: PlaybookOptions
    @OptionGroup var connection: ConnectionOptions

    @Flag(help: "Apply without asking.")
    var yes = false

    @Flag(help: "Print the plan and the outcome of each operation as JSON (schema rosplay.apply/1).")
    var json = false

    @Option(name: .customLong("confirm-within"), help: ArgumentHelp(
        "Arm a revert on the router that fires this long after the apply starts unless confirmed over a new connection (30s, 2m, 1h); at least 10s and 3 times the estimated apply (see above).",
        valueName: "duration"))
    var confirmWithin: String?

    @Flag(name: .customLong("manual-confirm"), help: "With --confirm-within: leave the revert armed and exit; rosplay confirm disarms it.")
    var manualConfirm = false

    @Flag(name: .customLong("allow-lockout"), help: """
        Apply even though the plan would cut rosplay's own management session (its address, interface, route, \
        WireGuard peer, raw prerouting or input firewall, API service, user or group). Without --confirm-within nothing brings \
        the router back: prefer --confirm-within.
        """)
    var allowLockout = false

    func validate() throws {
        _ = try ConnectionOptions.duration(confirmWithin, option: "--confirm-within")
        if manualConfirm, confirmWithin == nil { throw ValidationError("--manual-confirm needs --confirm-within") }
    }

    func run() async throws {
        let run = try await guarded(json: json ? "rosplay.apply/1" : nil, router: try? connection.endpointText()) {
            try await RouterRun.prepare(connection: connection, playbook: playbook,
                                        session: RouterRun.Session(user: connection.userName, service: connection.plain ? "api" : "api-ssl"))
        }
        do {
            try await applyAndVerify(run)
        } catch {
            await run.client.close()
            throw error
        }
        await run.client.close()
    }

    private func applyAndVerify(_ run: RouterRun) async throws {
        let renderer = Terminal.renderer
        if run.plan.isEmpty {
            if json { print(ReportJSON.apply(run.plan, report: ApplyReport(outcomes: []), target: run.target)) } else { print(renderer.summary(run.plan)) }
            return
        }
        if !json { print(run.header("apply") + "\n" + renderer.render(run.plan)) }
        try guardTheSession(run)
        try confirm()

        let connection = self.connection
        let reconnector = Reconnector(deadline: connection.reconnectDeadline) { try await connection.connect(by: $0) }
        var armed: ArmedRevert?
        if let window = try ConnectionOptions.duration(confirmWithin, option: "--confirm-within") {
            let rule = ConfirmWindow(window, plan: run.plan, desired: run.desired, schema: run.schema)
            SignalHandling.mayChange("while arming the revert on the router: run rosplay confirm to remove what was armed")
            armed = try await guarded { try await ArmedRevert.arm(run.plan, schema: run.schema, window: rule, on: run.client, cleanup: reconnector) }
            Terminal.progress("revert armed on the router as \(armed!.name): it fires at \(armed!.firesAt) (router time) unless confirmed")
            let secrets = RevertScript.secretsLeftOut(run.plan)
            if !secrets.isEmpty {
                Terminal.warning("the revert cannot put back \(secrets.count) secret value(s) (they would be readable in /system/script): "
                    + secrets.joined(separator: ", "))
            }
        }

        let control = ApplyControl()
        let applier = Applier(session: run.client, schema: run.schema, reconnector: reconnector, control: control, armed: armed)
        SignalHandling.guardApply(control)
        let total = run.plan.operations.count
        let progress = ProgressTicker.start { _ in
            let (applied, sent) = control.counts
            return "  \(applied)/\(counted(total, "operation")) applied, \(sent - applied) in flight"
        }
        let report = await applier.apply(run.plan, progress: { Terminal.progress($0) })
        await progress.stop()
        if json { print(ReportJSON.apply(run.plan, report: report, target: run.target)) } else { print(ApplyReportText.render(report)) }
        guard report.succeeded else {
            SignalHandling.applyFinished()
            if let armed { await afterFailure(report, armed: armed) }
            throw ExitCode(control.stopRequested != nil ? 130 : 1)
        }

        // Verified under the signal guard: a Ctrl-C stops the verify (and any repair of rule
        // order, whose moves are undone like an apply's) and leaves what was applied.
        SignalHandling.guardVerify(control)
        let remaining: Result<Plan, any Error>
        do {
            let verifier = Verifier(desired: run.desired, schema: run.schema, identity: run.identity, session: run.client, reconnector: reconnector)
            let verification = try await verifier.verify(control: control) { Terminal.progress($0) }
            if let repair = verification.repair, !repair.succeeded {
                Terminal.error("could not put the rules in order: \(repair.stopReason ?? "a move failed")")
            }
            remaining = .success(verification.remaining)
        } catch {
            remaining = .failure(error)
        }
        SignalHandling.applyFinished()
        if let armed {
            SignalHandling.mayChange("after the apply ended; the revert armed on the router (\(armed.name)) undoes it at \(armed.firesAt) (router time) unless rosplay confirm disarms it")
        }
        if let interrupted = control.stopRequested {
            Terminal.error("\(interrupted) while verifying: the apply is complete (see above) but was not verified; run rosplay drift to check the router")
            if let armed { Terminal.error(leftToTheRevert(armed, hasRun: await revertHasRun(armed))) }
            throw ExitCode(130)
        }
        // A revert that came due while verifying has undone what the verify looked at: nothing is left to confirm.
        var ran: Bool?
        if let armed { ran = await revertHasRun(armed) }
        if let armed, ran == true {
            Terminal.error(Self.revertRan(armed))
            throw ExitCode(1)
        }
        switch remaining {
        case .failure(let error):
            Terminal.error("applied, but could not verify (\(error)); run rosplay drift to check the router")
            if let armed { Terminal.error(leftToTheRevert(armed, hasRun: ran)) }
            throw ExitCode(1)
        case .success(let remaining) where !remaining.isEmpty:
            Terminal.error("applied, but the router now differs in ways the plan did not expect (it normalised some values differently):")
            Terminal.standardError(renderer.render(remaining))
            if let armed { Terminal.error(leftToTheRevert(armed, hasRun: ran)) }
            throw ExitCode(1)
        case .success:
            break
        }
        if !json { print("Verified: the router matches the playbooks.") }
        if let armed { try await confirmOverANewConnection(armed) }
    }

    /// Refuses a plan that would cut the session rosplay manages the router through, unless the
    /// router will revert by itself (`--confirm-within`) or the user said `--allow-lockout`.
    private func guardTheSession(_ run: RouterRun) throws {
        let service = connection.plain ? "api" : "api-ssl"
        var risks: [String]
        var origin = "this session"
        switch run.sessionPath {
        case .success(let path):
            for warning in path.warnings { Terminal.warning(warning) }
            origin = "the session from \(path.address.text) via \(service) as \(path.user)"
            risks = LockoutGuard(path: path, schema: run.schema).risks(in: run.plan).map(\.description)
        case .failure(let error):
            risks = ["cannot tell where this session comes from, so cannot check the plan against it: \(error)"]
        case nil:
            risks = ["cannot tell where this session comes from: its path was not read"]
        }
        guard !risks.isEmpty else { return }
        let list = risks.map { "  - \($0)" }.joined(separator: "\n")
        if confirmWithin != nil {
            Terminal.warning("the plan may cut \(origin); the armed revert brings the router back if it does:\n\(list)")
            return
        }
        if allowLockout {
            Terminal.warning("--allow-lockout: applying a plan that may cut \(origin), with nothing to bring the router back:\n\(list)")
            return
        }
        Terminal.error("refusing to apply: the plan would cut \(origin) to \(run.target.router):\n\(list)\n"
            + "Pass --confirm-within 2m so the router reverts by itself if management is lost (or --allow-lockout to apply anyway).")
        throw ExitCode(1)
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
