import ArgumentParser
import Foundation
import Reconciler
import RouterModel

/// `rosplay menus`: every menu a playbook can manage on a RouterOS version, with what rosplay
/// knows of it.
struct MenusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "menus",
        abstract: "List the menus a playbook can manage: style, identity, order, secrets, and whether rosplay's behaviour is curated or derived.",
        discussion: """
        Every menu of RouterOS's own command tree that has add or set. `curated` menus have defaults, \
        references and value kinds checked against MikroTik's documentation; `derived` ones take their \
        style, identity (`name`) and value kinds from the command tree. A list menu whose identity is \
        `(say identity:)` needs `identity: [...]` in the playbook.

        Exit status: \(ExitStatus.menus).
        Example: rosplay menus /ip/firewall --routeros-version 7.18.2
        """
    )

    @Argument(help: ArgumentHelp("Only menus whose path starts with this, such as /ip/firewall.", valueName: "prefix"))
    var prefix: String?

    @OptionGroup var routerOS: RouterOSVersionOption

    @Flag(help: "Print JSON (schema rosplay.menus/1) instead of a table.")
    var json = false

    func run() throws {
        let schema = routerOS.schema()
        let specs = schema.configurableMenus.filter { path in
            prefix.map { path == $0 || path.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") } ?? true
        }.compactMap(schema.spec(for:))
        guard !specs.isEmpty else {
            throw CLIError("RouterOS \(schema.version) has no configurable menu under \(prefix ?? "/")")
        }
        if json {
            print(Self.document(specs, version: schema.version))
            return
        }
        print("RouterOS \(schema.version): \(counted(specs.count, "menu"))\n")
        let rows = [Self.header] + specs.map(Self.row)
        let widths = Self.header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        for (index, row) in rows.enumerated() {
            let line = zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }
            print(line.joined(separator: "  ").trimmingCharacters(in: .whitespaces))
            if index == 0 { print("") }
        }
    }

    static let header = ["menu", "style", "identity", "order", "secrets", "behaviour"]

    static func row(_ spec: MenuSpec) -> [String] {
        [spec.path, style(spec), identity(spec), spec.ordered ? "ordered" : "-", secrets(spec).joined(separator: ",").ifEmpty("-"), spec.origin.rawValue]
    }

    static func style(_ spec: MenuSpec) -> String {
        switch spec.style {
        case .list: return "list"
        case .settings: return "settings"
        case .fixed: return "fixed"
        }
    }

    static func identity(_ spec: MenuSpec) -> String {
        if spec.style == .settings { return "-" }
        return spec.identity.isEmpty ? "(say identity:)" : spec.identity.joined(separator: "+")
    }

    static func secrets(_ spec: MenuSpec) -> [String] {
        spec.properties.keys.filter { SecretRule.isSecret(property: $0, in: spec.path) }.sorted()
    }

    /// The menus as a `rosplay.menus/1` document, written like every other `--json`.
    static func document(_ specs: [MenuSpec], version: RouterOSVersion) -> String {
        let menus = specs.map { spec in
            JSONValue.object([
                "path": .string(spec.path), "style": .string(style(spec)), "identity": .array(spec.identity.map(JSONValue.string)),
                "ordered": .bool(spec.ordered), "secrets": .array(secrets(spec).map(JSONValue.string)),
                "behaviour": .string(spec.origin.rawValue), "level": .number(spec.level),
            ])
        }
        return JSONValue.object(["schema": .string("rosplay.menus/1"), "routeros": .string(version.description), "menus": .array(menus)]).text
    }
}

private extension String {
    func ifEmpty(_ replacement: String) -> String { isEmpty ? replacement : self }
}
