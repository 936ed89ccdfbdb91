import MockRouter
import Playbook
import Reconciler
import RouterModel
import RouterOSAPI

/// rosplay's engine in this process, through the library code the CLI uses: connect over TLS (the
/// certificate pinned),
/// log in, read the identity, validate the playbook for that version, read, plan, and for an apply
/// apply and verify. No process start, no lockout-guard read, no output: what is left of
/// `rosplay apply` and `rosplay drift` is the difference to the whole-process rows.
enum EngineBench {
    /// A drift: the plan against the router, which must be empty.
    static func drift(_ playbook: String, port: Int, pin: CertificateFingerprint) async throws -> Duration {
        try await ContinuousClock().measure {
            let run = try await prepare(playbook, port: port, pin: pin)
            await run.client.close()
            guard run.plan.isEmpty else { throw BenchError("drift: the router is not in sync (\(run.plan.operations.count) operations)") }
        }
    }

    /// The read alone: one print of the menu through the client, as drift's read wave does it.
    static func print(port: Int, pin: CertificateFingerprint) async throws -> Duration {
        let client = try await RosplayBench.client(port: port, tls: .pinned(pin))
        let elapsed = try await ContinuousClock().measure { _ = try await Snapshot.read(["/ip/firewall/address-list"], from: client) }
        await client.close()
        return elapsed
    }

    /// An apply to a fresh router, verified; the waves it took.
    static func apply(_ playbook: String, port: Int, pin: CertificateFingerprint) async throws -> (elapsed: Duration, waves: Int) {
        var waves = 0
        let elapsed = try await ContinuousClock().measure {
            let run = try await prepare(playbook, port: port, pin: pin)
            let report = await Applier(session: run.client, schema: run.schema).apply(run.plan)
            let verification = try await Verifier(desired: run.desired, schema: run.schema, identity: run.identity, session: run.client).verify()
            await run.client.close()
            guard report.succeeded, verification.remaining.isEmpty else { throw BenchError("apply: \(report.stopReason ?? "not verified")") }
            waves = report.waves
        }
        return (elapsed, waves)
    }

    private struct Prepared {
        let client: RouterOSClient
        let identity: RouterIdentity
        let schema: RouterSchema
        let desired: DesiredState
        let plan: Plan
    }

    private static func prepare(_ playbook: String, port: Int, pin: CertificateFingerprint) async throws -> Prepared {
        let client = try await RosplayBench.client(port: port, tls: .pinned(pin))
        let identity = try await RouterIdentity.read(from: client)
        let schema = RouterSchema.closest(to: identity.version)
        let desired = try PlaybookValidator(schema: schema, version: identity.version, environment: [:])
            .validate(PlaybookLoader.load(text: playbook, file: "bench.yaml"))
        let snapshot = try await Snapshot.read(desired, schema: schema, identity: identity, from: client)
        let plan = try Planner(desired: desired, snapshot: snapshot, schema: schema).plan()
        return Prepared(client: client, identity: identity, schema: schema, desired: desired, plan: plan)
    }
}
