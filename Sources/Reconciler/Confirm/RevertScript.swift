import RouterModel

/// The inverse of a plan as RouterOS script, for the router to run by itself if rosplay cannot
/// confirm the change in time (`rosplay apply --confirm-within`).
///
/// Every line finds its entry with `[find where …]` on the values rosplay wrote, never by `.id`,
/// so it acts only on what the apply left: an operation that never landed, or an entry someone
/// changed since, matches nothing and is left alone. Lines run newest operation first; ordered
/// menus get their entries back in their old places.
public enum RevertScript {
    /// The script's lines for `plan`, followed by lines that remove the scheduler entry and the
    /// script named `name`.
    public static func render(_ plan: Plan, name: String) -> String {
        var lines = ["# rosplay: revert of an unconfirmed apply; runs once, then removes itself"]
        // The scheduler goes first: whatever happens below, the revert never runs twice.
        lines.append("/system scheduler remove [find where name=\(RouterScript.quote(name))]")
        for operation in plan.operations.reversed() {
            lines += revert(operation)
        }
        lines.append("/system script remove [find where name=\(RouterScript.quote(name))]")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The lines that reverse one operation.
    static func revert(_ operation: Operation) -> [String] {
        let menu = RouterScript.menu(operation.menu)
        let settings = operation.id == nil && operation.kind != .add
        switch operation.kind {
        case .add:
            return ["\(menu) remove \(RouterScript.find(operation.target))"]
        case .set:
            return revertSet(operation, menu: menu, settings: settings)
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
            return [":if ([:len \(RouterScript.find(operation.target, in: menu))] = 0) do={\(add)}"]
        case .move:
            var line = "\(menu) move numbers=\(RouterScript.find(operation.target))"
            if let anchor = operation.originalAnchor { line += " destination=\(RouterScript.find(anchor))" }
            return [line]
        }
    }

    /// A set: clear what was not set before (one property at a time, each found by the values
    /// still in place), then put back the old values of the rest.
    private static func revertSet(_ operation: Operation, menu: String, settings: Bool) -> [String] {
        let old = Dictionary(operation.changes.compactMap { change in change.old.map { (change.name, $0) } }, uniquingKeysWith: { $1 })
        let cleared = operation.changes.filter { $0.old == nil }.map(\.name)
        var remaining = operation.target.adding(operation.changes.filter { !$0.sensitive }.map { EntryMatch.Condition(name: $0.name, value: $0.new) })
        var lines: [String] = []
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
