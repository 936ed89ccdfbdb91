import RouterModel
import Foundation

/// Shows a plan to a person, in the spirit of `terraform plan`: `+` add, `~` change, `-` remove,
/// `↕` move; old → new for changed values; secrets as `(sensitive)`; colour only when asked.
public struct PlanRenderer {
    public var colour: Bool
    public var symbols: TextSymbols

    public init(colour: Bool, symbols: TextSymbols = .unicode) {
        self.colour = colour
        self.symbols = symbols
    }

    static let sensitive = SecretRule.placeholder

    /// The plan's operations, then a summary line that starts with `title` (`Plan`, or `Drift` for drift).
    /// Operations are grouped by menu, menus in the order the playbooks name them (the order they
    /// run in is apply's business), each with the `file:line` that asked for it.
    public func render(_ plan: Plan, title: String = "Plan") -> String {
        var lines: [String] = []
        for (menu, operations) in Self.byMenu(plan) {
            lines.append(paint(menu, "1"))
            for operation in operations {
                lines.append(headline(operation))
                lines += details(operation)
            }
            lines.append("")
        }
        lines.append(summary(plan, title: title))
        return lines.joined(separator: "\n")
    }

    /// Menus with their operations, ordered by where the playbooks first ask for each.
    static func byMenu(_ plan: Plan) -> [(String, [Operation])] {
        var menus: [String: [Operation]] = [:]
        var order: [String] = []
        for operation in plan.operations {
            if menus[operation.menu] == nil { order.append(operation.menu) }
            menus[operation.menu, default: []].append(operation)
        }
        func place(_ menu: String) -> (String, Int) {
            let first = menus[menu]?.compactMap { $0.location.map(SourcePlace.init) }.min { ($0.file, $0.line) < ($1.file, $1.line) }
            return (first?.file ?? "~", first?.line ?? Int.max)
        }
        return order.enumerated().sorted { lhs, rhs in
            let (a, b) = (place(lhs.element), place(rhs.element))
            return a != b ? a < b : lhs.offset < rhs.offset
        }.map { ($0.element, menus[$0.element] ?? []) }
    }

    /// `file` and `line` of a `file:line:column` location.
    struct SourcePlace {
        var file: String
        var line: Int

        init(_ location: String) {
            let parts = location.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count >= 3, let line = Int(parts[parts.count - 2]) else {
                (file, self.line) = (location, Int.max)
                return
            }
            file = parts.dropLast(2).joined(separator: ":")
            self.line = line
        }
    }

    public func summary(_ plan: Plan, title: String = "Plan") -> String {
        guard !plan.isEmpty else { return "No changes: the router matches the playbooks." }
        let counts = plan.counts
        let verbs = title == "Drift" ? ["missing", "changed", "to unset", "extra", "out of place"] : ["to add", "to change", "to unset", "to remove", "to move"]
        let kinds: [Operation.Kind] = [.add, .set, .unset, .remove, .move]
        return "\(title): " + zip(kinds, verbs).map { "\(counts[$0.0] ?? 0) \($0.1)" }.joined(separator: ", ") + "."
    }

    func headline(_ operation: Operation) -> String {
        let (symbol, code): (String, String) = switch operation.kind {
        case .add: ("+", "32")
        case .set, .unset: ("~", "33")
        case .remove: ("-", "31")
        case .move: (symbols.move, "36")
        }
        var text = "  \(paint(symbol, code)) \(operation.kind.rawValue)"
        if !operation.label.isEmpty { text += " \(operation.label)" }
        if operation.kind == .move || (operation.kind == .add && operation.before != nil) {
            // The entry it goes before, as a person knows it (its identity or values), not its `.id`.
            text += operation.before.map { id in " (before \(operation.anchorLabel ?? id))" } ?? " (to the end)"
        }
        if let location = operation.location { text += "  \(paint("# " + location, "2"))" }
        return text
    }

    func details(_ operation: Operation) -> [String] {
        operation.changes.compactMap { change in
            let old = change.sensitive ? Self.sensitive : change.old
            let new = change.sensitive ? Self.sensitive : change.new
            switch operation.kind {
            case .add: return "      \(change.name): \(new ?? "")"
            case .set: return "      \(change.name): \(old.map(quote) ?? "(unset)") \(symbols.arrow) \(new.map(quote) ?? "(unset)")"
            case .unset: return "      \(change.name): \(old.map(quote) ?? "") \(symbols.arrow) (default)"
            case .remove, .move: return nil
            }
        }
    }

    func quote(_ value: String) -> String {
        value.isEmpty || value.contains(" ") ? "\"\(value)\"" : value
    }

    func paint(_ text: String, _ code: String) -> String {
        colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
