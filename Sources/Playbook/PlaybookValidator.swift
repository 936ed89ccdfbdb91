import Foundation
import RouterModel

/// Checks a ``PlaybookDocument`` against one RouterOS version and turns it into a ``DesiredState``:
/// variables and secrets resolved, menus and properties checked against the version's own command
/// tree, values normalised by the shared rules. Every problem is reported at once, each with its
/// `file:line:column`.
public struct PlaybookValidator {
    public let schema: RouterSchema
    /// The RouterOS version the playbooks are checked for (the router's, or `--routeros-version`);
    /// the schema is the embedded one closest to it.
    public let version: RouterOSVersion
    /// `--var NAME=VALUE`, overriding the playbooks' `vars`.
    public let overrides: [String: String]
    /// Where secrets' environment variables are read (the process environment by default).
    public let environment: [String: String]
    /// False to check structure without reading secrets (`rosplay validate`): values that use a
    /// secret are not checked.
    public let readSecrets: Bool

    public init(
        schema: RouterSchema, version: RouterOSVersion? = nil, overrides: [String: String] = [:],
        environment: [String: String] = ProcessInfo.processInfo.environment, readSecrets: Bool = true
    ) {
        self.schema = schema
        self.version = version ?? schema.version
        self.overrides = overrides
        self.environment = environment
        self.readSecrets = readSecrets
    }

    public func validate(_ document: PlaybookDocument) throws -> DesiredState {
        var diagnostics = document.problems
        let resolver = VariableResolver(document: document, overrides: overrides, environment: environment, readSecrets: readSecrets)
        diagnostics += resolver.secretProblems

        var minimum: RouterOSVersion?
        if let written = document.minimumVersion {
            if let version = RouterOSVersion(written.value) {
                minimum = version
                if self.version < version {
                    diagnostics.append(Diagnostic(written.location, "the playbook needs RouterOS \(version) or later; the router runs \(self.version)"))
                }
            } else {
                diagnostics.append(Diagnostic(written.location, "'\(written.value)' is not a RouterOS version such as 7.20"))
            }
        }

        var menus: [DesiredMenu] = []
        var refused = Set<SourceLocation>()
        for section in document.menus {
            let path = section.path.value
            guard schema.hasMenu(path) else {
                diagnostics.append(Diagnostic(section.path.location, "RouterOS \(schema.version) has no menu \(path)",
                                              hint: Suggestion.closest(to: path, in: schema.menus.keys)))
                continue
            }
            guard let spec = schema.spec(for: path) else {
                diagnostics.append(Diagnostic(section.path.location, "\(path) holds no configuration in RouterOS \(schema.version): it has neither add nor set"))
                continue
            }
            diagnostics += scopeProblems(section, spec: spec)
            let identity = section.identity ?? spec.identity
            if identity.isEmpty, spec.style != .settings, !section.entries.isEmpty {
                diagnostics.append(Diagnostic(section.path.location, identityNeeded(spec)))
                continue
            }
            var entries: [DesiredEntry] = []
            // What the menu's add and set accept, and which names are secrets: once per menu, not per entry.
            let accepted = (schema.arguments(of: "add", in: path) ?? [:]).merging(schema.arguments(of: "set", in: path) ?? [:]) { a, _ in a }
            var secrets: [String: Bool] = [:]
            for written in section.entries {
                let before = diagnostics.count
                entries.append(entry(written, in: section, spec: spec, accepted: accepted, secrets: &secrets, resolver: resolver, diagnostics: &diagnostics))
                // One root cause, one message: an entry already refused is not also judged by its identity.
                if diagnostics.count > before { refused.insert(written.location) }
            }
            if let index = menus.firstIndex(where: { $0.path == path }) {
                if let override = section.identity, override != menus[index].identity {
                    diagnostics.append(Diagnostic(section.path.location, "\(path) is matched by \(menus[index].identity.joined(separator: "+")) at \(menus[index].location); a menu has one identity"))
                }
                menus[index].entries += entries
                menus[index].exclusive = menus[index].exclusive || section.exclusive
            } else {
                menus.append(DesiredMenu(path: path, spec: spec, identity: identity, exclusive: section.exclusive, entries: entries, location: section.path.location))
            }
        }
        // A settings menu is one item: what several playbooks say of it adds up, later values winning.
        for index in menus.indices where menus[index].isSettings && menus[index].entries.count > 1 {
            var merged = menus[index].entries[0]
            for entry in menus[index].entries.dropFirst() {
                for property in entry.properties {
                    merged.properties.removeAll { $0.name == property.name }
                    merged.properties.append(property)
                }
                merged.sensitive.formUnion(entry.sensitive)
            }
            menus[index].entries = [merged]
        }
        for menu in menus where !menu.isSettings {
            diagnostics += identityProblems(menu, skipping: refused)
        }
        guard diagnostics.isEmpty else { throw PlaybookError(diagnostics) }
        let unused = overrides.keys.filter { !resolver.used.contains($0) }.sorted()
        return DesiredState(minimumVersion: minimum, board: document.board, menus: menus, unusedOverrides: unused)
    }

    /// - Parameters:
    ///   - accepted: the arguments the menu's add and set take.
    ///   - secrets: whether each property name is a secret, filled as names come up.
    private func entry(
        _ written: EntryDocument, in section: MenuSection, spec: MenuSpec, accepted: [String: String], secrets: inout [String: Bool],
        resolver: VariableResolver, diagnostics: inout [Diagnostic]
    ) -> DesiredEntry {
        let path = section.path.value
        var desired = DesiredEntry(location: written.location, properties: [], sensitive: [], absent: written.absent, exact: written.exact, placeBefore: nil)
        for (name, value) in written.properties {
            // Identity properties select an entry even where they cannot be set (an ethernet port's default-name).
            let selects = (section.identity ?? spec.identity).contains(name.value)
            guard accepted[name.value] != nil || selects, !MenuSpec.controlArguments.contains(name.value) else {
                let readOnly = spec.properties[name.value]?.access == .readOnly
                diagnostics.append(Diagnostic(name.location,
                                              readOnly ? "\(path) \(name.value) is read-only" : "RouterOS \(schema.version) has no property \(name.value) in \(path)",
                                              hint: readOnly ? nil : PropertyRenames.counterpart(of: name.value, in: path).flatMap { accepted[$0] != nil ? $0 : nil }
                                                ?? Suggestion.closest(to: name.value, in: accepted.keys)))
                continue
            }
            guard let (text, secret) = resolver.resolve(value, diagnostics: &diagnostics) else { continue }
            let secretName = secrets[name.value] ?? SecretRule.isSecret(property: name.value, in: path)
            secrets[name.value] = secretName
            let sensitive = secret || secretName
            if sensitive { desired.sensitive.insert(name.value) }
            if let normalized = normalize(text, name.value, value.location, spec: spec, path: path, sensitive: sensitive, diagnostics: &diagnostics) {
                desired.properties.append((name.value, normalized))
            }
        }
        if let anchor = written.placeBefore {
            guard spec.ordered else {
                diagnostics.append(Diagnostic(written.location, "\(path) is not ordered; _place-before has no meaning there"))
                return desired
            }
            desired.placeBefore = anchor.compactMap { name, value in
                guard let (text, secret) = resolver.resolve(value, diagnostics: &diagnostics),
                      let normalized = normalize(text, name.value, value.location, spec: spec, path: path, sensitive: secret, diagnostics: &diagnostics)
                else { return nil }
                return (name.value, normalized)
            }
        }
        return desired
    }

    /// The value as RouterOS prints it, or nil after reporting why it is refused (secrets not shown).
    private func normalize(
        _ text: String, _ name: String, _ location: SourceLocation, spec: MenuSpec, path: String, sensitive: Bool, diagnostics: inout [Diagnostic]
    ) -> String? {
        guard let kind = spec.properties[name]?.kind else { return text }
        do {
            return try ValueNormalizer.normalize(text, as: kind)
        } catch {
            diagnostics.append(Diagnostic(location, "\(path) \(name): '\(sensitive ? SecretRule.placeholder : text)' \(error)"))
            return nil
        }
    }

    /// Why a menu without a known identity cannot be planned, and what could serve as one.
    private func identityNeeded(_ spec: MenuSpec) -> String {
        let candidates = spec.properties.filter { $0.value.access == .readWrite && !SecretRule.isSecret(property: $0.key, in: spec.path) }
            .keys.filter { !["comment", "disabled"].contains($0) }.sorted()
        return "rosplay does not know what identifies an entry of \(spec.path); say which properties do with `identity:` for the menu "
            + "(its properties: \(candidates.joined(separator: ", ")))"
    }

    /// Directives that make no sense for this menu's style.
    private func scopeProblems(_ section: MenuSection, spec: MenuSpec) -> [Diagnostic] {
        let path = section.path.value
        var problems: [Diagnostic] = []
        if section.exclusive, spec.style != .list {
            problems.append(Diagnostic(section.path.location, "\(path) has a fixed set of entries; exclusive cannot remove any"))
        }
        for entry in section.entries where spec.style != .list && entry.absent {
            problems.append(Diagnostic(entry.location, "\(path) entries cannot be removed; _absent has no meaning there"))
        }
        if spec.style == .settings {
            for entry in section.entries where entry.placeBefore != nil || entry.exact {
                problems.append(Diagnostic(entry.location, "\(path) is a settings menu; use plain properties there"))
            }
        }
        return problems
    }

    /// Each entry of a list menu needs its identity properties, and no two may share them
    /// (entries already refused for another reason are left out: their values are not known).
    private func identityProblems(_ menu: DesiredMenu, skipping refused: Set<SourceLocation>) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var seen: [[String?]: SourceLocation] = [:]
        for entry in menu.entries where !refused.contains(entry.location) {
            let key = menu.identity(of: entry)
            if menu.identity.allSatisfy({ entry[$0] == nil }) {
                problems.append(Diagnostic(entry.location, "\(menu.path) entries are matched by \(menu.identity.joined(separator: "+")); this one has none of them (or set identity: for the menu)"))
            } else if let first = seen[key] {
                problems.append(Diagnostic(entry.location, "\(menu.path): a second entry with \(menu.identity.joined(separator: "+")) = \(key.compactMap { $0 }.joined(separator: ", ")); the first is at \(first)"))
            } else {
                seen[key] = entry.location
            }
        }
        return problems
    }
}
