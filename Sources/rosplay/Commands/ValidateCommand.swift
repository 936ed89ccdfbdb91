import ArgumentParser
import Playbook
import RouterModel

/// `rosplay validate`: checks playbooks offline against a RouterOS version.
struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check playbooks against a RouterOS version without a router: menus, properties, values, variables, secrets."
    )

    @OptionGroup var playbook: PlaybookOptions

    @Option(name: .customLong("routeros-version"), help: "RouterOS version to check against.")
    var routerOSVersion = "7.20.8"

    func run() async throws {
        guard let version = RouterOSVersion(routerOSVersion) else {
            throw ValidationError("--routeros-version: '\(routerOSVersion)' is not a version such as 7.20.8")
        }
        let schema = RouterSchema.closest(to: version)
        let desired = try await guarded { try playbook.desiredState(for: schema, version: version) }
        let entries = desired.menus.reduce(0) { $0 + $1.entries.count }
        print("ok: \(desired.menus.count) menus, \(entries) entries valid for RouterOS \(version)")
    }
}

