import ArgumentParser
import Foundation
import MockRouter
import Playbook
import Reconciler
import RouterModel
import RouterOSAPI

/// `rosplay demo`: the whole cycle against an in-process MockRouter, no router needed.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Walk the seed-000 playbook through validate, plan, apply and drift against an in-process factory RB5009.",
        discussion: """
        No router is needed: the MockRouter runs inside rosplay. Run it from the repository's top folder, \
        where Playbooks/ is.

        Exit status: \(ExitStatus.demo).
        Example: rosplay demo (from the repository's top folder; scripts/demo builds rosplay and runs this)
        """
    )

    @Option(help: "The playbook to walk.")
    var playbook = "Playbooks/rb5009-vps-relay.yaml"

    @Option(help: "Example values for its variables and secrets (export NAME=value lines).")
    var environment = "Playbooks/example.env"

    func run() async throws {
        guard FileManager.default.fileExists(atPath: playbook) else {
            throw CLIError("\(playbook) not found; run the demo from the repository's top folder (scripts/demo does)")
        }
        guard let file = try? EnvironmentFile.read(environment) else { throw CLIError("cannot read \(environment)") }
        let values = ProcessInfo.processInfo.environment.merging(file) { $1 }
        let directory = NSTemporaryDirectory() + "rosplay-demo-\(ProcessInfo.processInfo.processIdentifier)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let certificates = CertificateDirectory(path: directory)
        try certificates.ensure()
        let user = MockUser(name: "rosplay", password: "demo-password")
        let server = try await MockRouterServer.start(MockRouterConfiguration(
            tls: .certificate(certificateFile: certificates.certificateFile, keyFile: certificates.keyFile), users: [user]))
        let fingerprint = try CertificateFingerprint(pemFile: certificates.certificateFile)
        let renderer = Terminal.renderer
        func connect() async throws -> RouterOSClient {
            try await RouterOSClient.connect(.init(host: "127.0.0.1", port: server.apiSSLPort!, tls: .pinned(fingerprint),
                                                   credentials: .init(user: user.name, password: user.password)))
        }
        let playbooks = RouterRun.Playbooks([playbook]) { PlaybookLoader.load([playbook]) }
        let desired: (RouterSchema, RouterOSVersion, PlaybookDocument) throws -> DesiredState = { schema, version, document in
            try PlaybookValidator(schema: schema, version: version, environment: values).validate(document)
        }

        step(1, "A factory-default RB5009 (MockRouter, RouterOS \(server.device.version)) listens for API-SSL on 127.0.0.1:\(server.apiSSLPort!).",
             "rosplay pins its certificate, \(fingerprint), as you would pin your router's self-signed one.")
        let client = try await connect()
        step(2, "Validate \(playbook) against the router's RouterOS version (offline: rosplay validate).")
        var run = try await guarded { try await RouterRun.prepare(client: client, playbooks: playbooks, validate: desired) }
        print("   ok: \(counted(run.desired.menus.count, "menu")), \(counted(run.desired.menus.reduce(0) { $0 + $1.entries.count }, "entry", "entries"))")

        step(3, "Plan: what apply would change (rosplay plan). Secrets print as (sensitive).")
        print(indent(renderer.render(run.plan)))

        step(4, "Apply: level by level, independent commands in flight together, then re-read and re-plan (rosplay apply --yes).")
        let report = await Applier(session: client, schema: run.schema).apply(run.plan)
        guard report.succeeded else { throw CLIError("the demo's apply failed: \(report.outcomes.compactMap(\.error).joined(separator: "; "))") }
        print("   applied \(counted(report.outcomes.count, "operation"))")
        run = try await RouterRun.prepare(client: client, playbooks: playbooks, validate: desired)
        step(5, "Drift: the router matches the playbook (rosplay drift exits 0).")
        print("   " + renderer.summary(run.plan))

        step(6, "Someone changes the router by hand: the WireGuard keepalive, and an address-list entry removed.")
        let other = try await connect()
        if let peer = try await other.execute(Command("/interface/wireguard/peers/print")).rows.first, let id = peer[".id"] {
            _ = try await other.execute(Command("/interface/wireguard/peers/set", [".id": id, "persistent-keepalive": "5s"]))
        }
        if let entry = try await other.execute(Command("/ipv6/firewall/address-list/print", queries: [.lacks("dynamic"), .equals("dynamic", "false"), .operations("|")])).rows.last(where: { !($0["comment"] ?? "").hasPrefix("defconf") }), let id = entry[".id"] {
            _ = try await other.execute(Command("/ipv6/firewall/address-list/remove", [".id": id]))
        }
        await other.close()

        step(7, "Drift finds it, naming menu, entry and property (rosplay drift exits 2; --json for scripts).")
        run = try await RouterRun.prepare(client: client, playbooks: playbooks, validate: desired)
        print(indent(renderer.render(run.plan)))

        step(8, "Apply again puts it back; drift is clean.")
        guard await Applier(session: client, schema: run.schema).apply(run.plan).succeeded else { throw CLIError("the demo's second apply failed") }
        run = try await RouterRun.prepare(client: client, playbooks: playbooks, validate: desired)
        print("   " + renderer.summary(run.plan))
        await client.close()
        try await server.stop()
        print("\nNext: README.md has the tour from here to a real router (api-ssl with a certificate, pinned fingerprint, drift in cron).")
    }

    private func step(_ number: Int, _ lines: String...) {
        print("\n\(number). " + lines.joined(separator: "\n   "))
    }

    private func indent(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "   " + $0 }.joined(separator: "\n")
    }
}
