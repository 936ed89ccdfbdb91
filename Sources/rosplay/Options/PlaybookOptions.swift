import ArgumentParser
import Playbook
import RouterModel

/// The playbooks and their variables: shared by validate, plan, apply and drift.
struct PlaybookOptions: ParsableArguments {
    @Argument(help: "Playbook files (YAML); later ones add to earlier ones.")
    var playbooks: [String]

    @Option(name: .customLong("var"), help: ArgumentHelp(
        "Set a variable, overriding the playbooks' vars and the environment (repeatable). Example: --var LAN_PREFIX=2001:db8:1234",
        valueName: "NAME=VALUE"))
    var variables: [String] = []

    func validate() throws {
        guard !playbooks.isEmpty else { throw ValidationError("give at least one playbook") }
        for variable in variables where !variable.contains("=") || variable.hasPrefix("=") {
            throw ValidationError("--var: '\(variable)' is not NAME=VALUE" + (variable.hasPrefix("=") ? " (the name is empty)" : ""))
        }
    }

    var overrides: [String: String] {
        Dictionary(variables.map { variable in
            let parts = variable.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
        }, uniquingKeysWith: { $1 })
    }

    /// The playbooks as written, not yet checked against a version.
    func load() -> PlaybookDocument {
        PlaybookLoader.load(playbooks)
    }

    /// Validates `document` (by default the playbooks, loaded now) for RouterOS `version` (checked
    /// against `schema`); without `readSecrets`, values that use a secret are left unchecked.
    func desiredState(_ document: PlaybookDocument? = nil, for schema: RouterSchema, version: RouterOSVersion, readSecrets: Bool = true) throws -> DesiredState {
        let desired = try PlaybookValidator(schema: schema, version: version, overrides: overrides, readSecrets: readSecrets)
            .validate(document ?? load())
        if desired.menus.isEmpty { Terminal.warning("the playbooks name no menu: there is nothing to check or change") }
        for name in desired.unusedOverrides { Terminal.warning("--var \(name): no value of the playbooks uses ${\(name)}") }
        return desired
    }
}
