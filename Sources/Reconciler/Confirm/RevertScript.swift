import RouterModel

/// The inverse of a plan as RouterOS script, for the router to run by itself if rosplay cannot
/// confirm the change in time (`rosplay apply --confirm-within`).
///
/// Every line finds its entry with `[find where …]` on the values rosplay wrote, never by `.id`,
/// so it acts only on what the apply left: an operation that never landed, or an entry someone
/// changed since, matches nothing and is left alone. Lines run newest operation first; ordered
/// menus get their entries back in their old places.
///
/// Secrets (private and preshared keys, passwords) are never written into the script: any user
/// who may read `/system/script` could read them there, though RouterOS shows them in their own
/// menus only to users with the `sensitive` policy. A secret the apply changed is therefore not
/// put back by the router; ``secretsLeftOut(_:)`` lists them so rosplay can say so.
public enum RevertScript {
    /// The script's lines for `plan`, followed by lines that remove the scheduler entry and the
    /// script named `name`.
    public static func render(_ plan: Plan, name: String, schema: RouterSchema) -> String {
        var lines = ["# rosplay: revert of an unconfirmed apply; runs once, then removes itself"]
        // The scheduler goes first: whatever happens below, the revert never runs twice.
        lines.append("/system scheduler remove [find where name=\(RouterScript.quote(name))]")
        for operation in plan.operations.reversed() {
            lines += revert(operation, schema: schema)
        }
        lines.append("/system script remove [find where name=\(RouterScript.quote(name))]")
        return lines.joined(separator: "\n") + "\n"
    }

    /// `menu label: property` for every secret value the revert of `plan` cannot put back.
    public static func secretsLeftOut(_ plan: Plan) -> [String] {
        plan.operations.flatMap { operation in
            operation.kind == .add ? [] : operation.changes.filter { isSecret($0, in: operation) }.map {
                "\(operation.menu) \(operation.label.isEmpty ? "" : operation.label + " ")\($0.name)"
            }
        }
    }

    static func isSecret(_ change: PropertyChange, in operation: Operation) -> Bool {
        change.sensitive || SecretRule.isSecret(property: change.name, in: operation.menu)
    }

    /// The lines that reverse one operation.
    static func revert(_ operation: Operation, schema: RouterSchema) -> [String] {
        let secrets = operation.changes.filter { isSecret($0, in: operation) }.map(\.name)
        let note = secrets.isEmpty ? [] : ["# not restored, kept out of this script: \(secrets.joined(separator: ", "))"]
        var withoutSecrets = operation
        withoutSecrets.changes.removeAll { isSecret($0, in: operation) }
        return note + lines(withoutSecrets, schema: schema)
    }

    /// The lines that reverse `operation`, whose changes hold no secret.
    private static func lines(_ operation: Operation, schema: RouterSchema) -> [String] {
        let menu = RouterScript.menu(operation.menu)
        let settings = operation.id == nil && operation.kind != .add
        switch operation.kind {
        case .add:
            return ["\(menu) remove \(RouterScript.find(operation.target))"]
        case .set:
            return operation.changes.isEmpty ? [] : revertSet(operation, menu: menu, settings: settings, schema: schema)
        case .unset:
            // Each property was unset on its own: give back each one still unset.
            return operation.changes.compactMap { change in
                guard let old = change.old else { return nil }
                let values = RouterScript.arguments([change.name: old])
                if settings { return "\(menu) set \(values)" }
                let find = RouterScript.find(operation.target.adding([EntryMatch.Condition(name: change.name, value: nil)]))
                return "\(menu) set \(find) \(values)"
            }
        case .remove:
            var values = Dictionary(operation.changes.compactMap { change in change.old.map { (change.name, $0) } }, uniquingKeysWith: { $1 })
            values.removeValue(forKey: "place-before")
            var add = "\(menu) add \(RouterScript.arguments(values))"
            if let anchor = operation.originalAnchor { add += " place-before=\(RouterScript.find(anchor))" }
            // Added back only while no more entries match than matched besides it before.
            return [":if ([:len \(RouterScript.find(operation.target, in: menu))] = \(operation.twins)) do={\(add)}"]
        case .move:
            var line = "\(menu) move numbers=\(RouterScript.find(operation.target))"
            if let anchor = operation.originalAnchor { line += " destination=\(RouterScript.find(anchor))" }
            return [line]
        }
    }

    /// A set: clear what was not set before (one property at a time, each found by the values
    /// still in place), then put back the old values of the rest. Where the menu has no `unset`,
    /// a property is cleared by writing its default, or, when that is unknown, left as it is (a
    /// line RouterOS refuses would stop the whole script).
    private static func revertSet(_ operation: Operation, menu: String, settings: Bool, schema: RouterSchema) -> [String] {
        var old = Dictionary(operation.changes.compactMap { change in change.old.map { (change.name, $0) } }, uniquingKeysWith: { $1 })
        var cleared = operation.changes.filter { $0.old == nil }.map(\.name)
        var lines: [String] = []
        if schema.arguments(of: "unset", in: operation.menu) == nil {
            let spec = schema.spec(for: operation.menu)
            for name in cleared {
                if let fallback = spec?.properties[name]?.defaultValue { old[name] = fallback } else {
                    lines.append("# \(name) cannot be cleared: RouterOS \(schema.version) has no unset in \(operation.menu)")
                }
            }
            cleared = []
        }
        var remaining = operation.target.adding(operation.changes.map { EntryMatch.Condition(name: $0.name, value: $0.new) })
        for name in cleared {
            let selection = settings ? "" : " numbers=\(RouterScript.find(remaining))"
            lines.append("\(menu) unset\(selection) value-name=\(name)")
            remaining = EntryMatch(remaining.conditions.filter { $0.name != name })
        }
        if !old.isEmpty {
            lines.append(settings ? "\(menu) set \(RouterScript.arguments(old))" : "\(menu) set \(RouterScript.find(remaining)) \(RouterScript.arguments(old))")
        }
        return lines
    }
}
