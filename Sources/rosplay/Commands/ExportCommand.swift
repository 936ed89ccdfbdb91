import ArgumentParser
import Foundation
import Reconciler
import RouterModel
import RouterOSAPI

/// `rosplay export`: a playbook of what a router has, to adopt an existing router.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a playbook of what the router has configured (non-default values; secrets as environment references).",
        discussion: """
        Planning the exported playbook against the same router shows no changes once its secrets' variables are set. \
        The environment variables to set are named on standard error; the playbook goes to standard output or --output.

        Exit status: \(ExitStatus.export).
        Example: rosplay export --router 192.0.2.1 --fingerprint SHA256:… --menu /ip/firewall/filter --output adopted.yaml
        """
    )

    @OptionGroup var connection: ConnectionOptions

    @Option(name: .customLong("menu"), help: "Export only this menu (repeatable), such as /interface/wireguard.")
    var menus: [String] = []

    @Option(help: "Write to this file instead of standard output.")
    var output: String?

    func run() async throws {
        let client = try await guarded { try await connection.connect() }
        let (yaml, secrets) = try await guarded {
            let identity = try await RouterIdentity.read(from: client)
            let version = identity.version
            let exporter = Exporter(schema: RouterSchema.closest(to: version))
            let wanted = menus.isEmpty ? exporter.defaultMenus() : menus
            for menu in wanted where exporter.schema.spec(for: menu) == nil {
                throw CLIError("cannot export \(menu): not a menu rosplay manages on RouterOS \(version)")
            }
            let reading = ReadProgress()
            let progress = ProgressTicker.start { reading.line(onTerminal: $0) }
            let live: [String: [LiveEntry]]
            do {
                live = try await Snapshot.read(wanted, from: client, progress: reading)
                await progress.stop()
            } catch {
                await progress.stop()
                throw error
            }
            return exporter.export(live, board: identity.boardName, version: version)
        }
        await client.close()
        if let output {
            // Secrets are references, but the rest still maps the network: owner-only, like a key.
            try PrivateFile.write(yaml, to: output)
        } else {
            print(yaml, terminator: "")
        }
        if !secrets.isEmpty {
            Terminal.note("the export references \(counted(secrets.count, "secret")); set these environment variables before planning: \(secrets.joined(separator: " "))")
        }
    }
}
