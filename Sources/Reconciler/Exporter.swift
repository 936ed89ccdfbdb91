import RouterModel

/// Writes a playbook of what a live router has configured, so an existing router can be adopted:
/// non-default values only, dynamic and built-in entries skipped, secrets replaced by environment
/// references. Planning the export against the same router shows no changes.
public struct Exporter {
    public let schema: RouterSchema

    public init(schema: RouterSchema) {
        self.schema = schema
    }

    /// Menus worth exporting by default: every menu of the version that holds configuration,
    /// less those whose spec leaves them out of export.
    public func defaultMenus() -> [String] {
        schema.configurableMenus.filter { schema.spec(for: $0)?.exported == true }
    }

    /// The playbook text, and the environment variables its secrets need.
    public func export(_ menus: [String: [LiveEntry]], board: String?, version: RouterOSVersion) -> (yaml: String, secrets: [String]) {
        var lines = ["# Exported by rosplay from a RouterOS \(version) router. Review before applying elsewhere.",
                     "routeros: \"\(version)\""]
        if let board { lines.append("board: \(quoted(board))") }
        var secrets: [String] = []
        var body: [String] = []
        for menu in menus.keys.sorted() {
            guard let spec = schema.spec(for: menu) else { continue }
            // Dynamic entries are RouterOS's own; built-in ones are exported only where they were changed.
            let entries = (menus[menu] ?? []).filter { $0.properties["dynamic"] != "true" }
            var rendered: [[(String, String)]] = []
            for entry in entries {
                var properties: [(String, String)] = []
                for (name, value) in entry.properties.sorted(by: { order(spec, $0.key, $1.key) }) where exports(name, value, spec, menu) {
                    if SecretRule.isSecret(property: name, in: menu) {
                        let variable = secretName(menu, name, index: secrets.count)
                        secrets.append(variable)
                        properties.append((name, "${\(variable)}"))
                    } else {
                        properties.append((name, value))
                    }
                }
                // A built-in or fixed entry is only worth exporting when something differs from its defaults.
                let onlyIdentity = properties.allSatisfy { spec.identity.contains($0.0) }
                if spec.style != .list || entry.isProtected { if onlyIdentity { continue } }
                if !properties.isEmpty { rendered.append(identityFirst(properties, spec, entry)) }
            }
            guard !rendered.isEmpty else { continue }
            body.append("  \(menu):")
            if spec.style == .settings {
                for (name, value) in rendered[0] { body.append("    \(name): \(yamlValue(value))") }
                continue
            }
            for properties in rendered {
                for (offset, (name, value)) in properties.enumerated() {
                    body.append("    \(offset == 0 ? "- " : "  ")\(name): \(yamlValue(value))")
                }
            }
        }
        if !secrets.isEmpty {
            lines.append("secrets:")
            for variable in secrets { lines.append("  \(variable): { env: \(variable) }") }
        }
        lines.append("menus:")
        return ((lines + body).joined(separator: "\n") + "\n", secrets)
    }

    /// Configured, writable, not at its default, and (for fixed entries) not the identity alone.
    func exports(_ name: String, _ value: String, _ spec: MenuSpec, _ menu: String) -> Bool {
        if Planner.markers.contains(name) || name == ".id" { return false }
        if let property = spec.properties[name] {
            if property.access != .readWrite { return false }
            if property.defaultValue == value, !spec.identity.contains(name) { return false }
        }
        return schema.accepts(name, in: menu)
    }

    /// Identity properties first, even at their defaults (they select the entry), then the rest.
    func identityFirst(_ properties: [(String, String)], _ spec: MenuSpec, _ entry: LiveEntry) -> [(String, String)] {
        guard spec.style != .settings else { return properties }
        var result = spec.identity.compactMap { name in entry.properties[name].map { (name, $0) } }
        for property in properties where !result.contains(where: { $0.0 == property.0 }) { result.append(property) }
        return result
    }

    func order(_ spec: MenuSpec, _ a: String, _ b: String) -> Bool {
        let ia = spec.identity.firstIndex(of: a) ?? .max, ib = spec.identity.firstIndex(of: b) ?? .max
        return ia != ib ? ia < ib : a < b
    }

    func secretName(_ menu: String, _ property: String, index: Int) -> String {
        let stem = (menu + "_" + property).uppercased().map { $0.isLetter || $0.isNumber ? $0 : "_" }
        return "ROSPLAY_SECRET" + String(stem) + "_\(index + 1)"
    }

    func yamlValue(_ value: String) -> String {
        value.hasPrefix("${") ? "\"\(value)\"" : quoted(value)
    }

    /// Always double-quoted, so YAML never reinterprets a RouterOS value (`yes`, `1:2`, `#`).
    func quoted(_ value: String) -> String {
        "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
