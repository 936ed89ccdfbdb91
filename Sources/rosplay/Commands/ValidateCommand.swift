import ArgumentParser
import Playbook
import RouterModel

/// `rosplay validate`: checks playbooks offline against a RouterOS version.
struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check playbooks against a RouterOS version without a router: menus, properties, values, variables, secrets.",
        discussion: """
        Every problem is reported with its file:line:column. Secrets are not read unless --read-secrets is given.

        Exit status: \(ExitStatus.validate).
        Example: rosplay validate home.yaml --routeros-version 7.20.8 --var LAN_PREFIX=2001:db8:1234
        """
    )

    @OptionGroup var playbook: PlaybookOptions

    @OptionGroup var routerOS: RouterOSVersionOption

    @Flag(name: .customLong("read-secrets"), help: "Also read the secrets (environment, files) and check the values that use them; by default validate checks structure without them.")
    var readSecrets = false

    /// Entries that lack a property RouterOS requires to add them: fine if the router has them
    /// already (they are then only changed), refused by plan otherwise. Without a router validate
    /// cannot tell, so it warns.
    static func unaddable(_ desired: DesiredState, schema: RouterSchema) -> [String] {
        desired.menus.filter { $0.spec.style == .list }.flatMap { menu in
            menu.entries.filter { !$0.absent }.flatMap { entry in
                menu.spec.properties.filter { $0.value.required && entry[$0.key] == nil && schema.accepts($0.key, in: menu.path) }.keys.sorted().map {
                    "\(entry.location): warning: if the router has no such \(menu.path) entry yet, it cannot be added without \($0)"
                }
            }
        }
    }

    func run() async throws {
        let version = routerOS.version
        let schema = routerOS.schema()
        let document = playbook.load()
        let desired = try await guarded { try playbook.desiredState(document, for: schema, version: version, readSecrets: readSecrets) }
        for warning in Self.unaddable(desired, schema: schema) { Terminal.standardError(warning) }
        let entries = desired.menus.reduce(0) { $0 + $1.entries.count }
        let tree = schema.version == version ? "" : " (command tree \(schema.version))"
        let secrets = readSecrets || document.secrets.isEmpty ? "" : "; values that use secrets were not checked (--read-secrets checks them)"
        print("ok: \(counted(desired.menus.count, "menu")), \(counted(entries, "entry", "entries")) valid for RouterOS \(version)\(tree)\(secrets)")
    }
}
