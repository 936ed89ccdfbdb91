import Playbook
import RouterModel

/// Compares what the playbooks want with what the router has and lists the operations that
/// close the gap. A pure function: no I/O, same inputs, same plan.
public struct Planner {
    public let desired: DesiredState
    public let snapshot: Snapshot
    public let schema: RouterSchema
    /// Values the playbooks take from secrets: never shown, wherever they appear (an entry's label,
    /// a name that refers to nothing), even in a property RouterOS does not keep secret.
    let secretValues: Set<String>

    public init(desired: DesiredState, snapshot: Snapshot, schema: RouterSchema) {
        self.desired = desired
        self.snapshot = snapshot
        self.schema = schema
        secretValues = Set(desired.menus.flatMap { menu in
            menu.entries.flatMap { entry in entry.properties.filter { entry.sensitive.contains($0.name) }.map(\.value) }
        })
    }

    /// Properties RouterOS prints about an entry that are never configured.
    static let markers: Set<String> = ["dynamic", "builtin", "default", "invalid", "running", "inactive"]

    public func plan() throws -> Plan {
        var problems: [Diagnostic] = []
        if let board = desired.board, let live = snapshot.boardName, board.value != live {
            problems.append(Diagnostic(board.location, "the playbook is for board \(board.value); this router is \(live)"))
        }
        var forward: [Int: [Operation]] = [:]
        var removals: [Int: [Operation]] = [:]
        for menu in desired.menus {
            let level = menu.spec.level
            var menuPlan = MenuPlanner(menu: menu, live: snapshot.menus[menu.path] ?? [], planner: self)
            menuPlan.run()
            problems += menuPlan.problems
            forward[level, default: []] += menuPlan.changes
            removals[level, default: []] += menuPlan.removals
        }
        problems += danglingReferences()
        guard problems.isEmpty else { throw PlanError(problems: problems) }
        let deepest = desired.menus.map(\.spec.level).max() ?? 0
        let levels = (0...deepest).flatMap { LevelSplit.waves(forward[$0] ?? []) }
            + (0...deepest).reversed().map { removals[$0] ?? [] }
        return Plan(levels: levels.filter { !$0.isEmpty })
    }

    /// Names a desired entry refers to that neither the router nor the playbooks define.
    func danglingReferences() -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for menu in desired.menus {
            for entry in menu.entries where !entry.absent {
                for (name, value) in entry.properties {
                    guard let kind = menu.spec.properties[name]?.kind else { continue }
                    for missing in unresolved(value, kind) {
                        let shown = entry.sensitive.contains(name) ? SecretRule.placeholder : missing
                        problems.append(Diagnostic(entry.location, "\(menu.path) \(name)=\(shown) names nothing the router or the playbooks define"))
                    }
                }
            }
        }
        return problems
    }

    private func unresolved(_ value: String, _ kind: ValueKind) -> [String] {
        switch kind {
        case .reference(let target, let keywords):
            return keywords.contains(value) || knownNames(in: target).contains(value) ? [] : [value]
        case .negatable(let inner):
            return unresolved(value.hasPrefix("!") ? String(value.dropFirst()) : value, inner)
        case .list(let inner):
            return value.split(separator: ",").flatMap { unresolved(String($0), inner) }
        default:
            return []
        }
    }

    /// Names in `menu` on the router or (not absent) in the playbooks. `/interface` names are those
    /// of every interface type's menu (RouterOS lists them all under `/interface`).
    func knownNames(in menu: String) -> Set<String> {
        let live = Set((snapshot.menus[menu] ?? []).compactMap { $0.properties["name"] })
        let defining = desired.menus.filter { menu == "/interface" ? $0.spec.interfaceType != nil : $0.path == menu }
        let planned = defining.flatMap { $0.entries.filter { !$0.absent }.compactMap { $0["name"] } }
        return live.union(planned)
    }
}

/// The operations for one menu.
struct MenuPlanner {
    let menu: DesiredMenu
    let live: [LiveEntry]
    let planner: Planner
    var changes: [Operation] = []
    var removals: [Operation] = []
    var problems: [Diagnostic] = []
    /// To find live entries again by `.id` and identity.
    let index: LiveIndex

    init(menu: DesiredMenu, live: [LiveEntry], planner: Planner) {
        self.menu = menu
        self.live = live
        self.planner = planner
        index = LiveIndex(live, identity: menu.identity)
    }

    var schema: RouterSchema { planner.schema }

    mutating func run() {
        if menu.isSettings {
            // The validator merges a settings menu into one entry.
            if let entry = menu.entries.first { compare(entry, with: live.first ?? LiveEntry(id: nil, properties: [:])) }
            return
        }
        let matched = match()
        var additions: [Int] = []
        var removed: [(LiveEntry, String)] = []
        for (index, entry) in menu.entries.enumerated() {
            switch (entry.absent, matched[index]) {
            case (true, let found?):
                if found.isProtected || menu.spec.style == .fixed {
                    problems.append(Diagnostic(entry.location, "\(menu.path) \(label(found)) is built in and cannot be removed"))
                } else {
                    removed.append((found, entry.location.description))
                }
            case (true, nil):
                break
            case (false, let found?):
                compare(entry, with: found)
            case (false, nil) where menu.spec.style == .fixed:
                problems.append(Diagnostic(entry.location, "\(menu.path) has no entry with \(label(entry)); entries of a fixed menu cannot be added"))
            case (false, nil):
                additions.append(index)
            }
        }
        if menu.exclusive {
            let claimed = Set(matched.compactMap { $0?.id })
            // A revert armed by `apply --confirm-within` belongs to rosplay, not to the playbook.
            for entry in live where !claimed.contains(entry.id ?? "") && !entry.isProtected
                && entry.properties["name"]?.hasPrefix(ArmedRevert.prefix) != true {
                removed.append((entry, menu.location.description))
            }
        }
        // Only an ordered menu's order matters (for placing adds, and putting removed entries back).
        var order = RouterOrder(menu.spec.ordered ? live.compactMap(\.id) : [])
        let placement = menu.spec.ordered ? Placement(menu: menu, live: live, matched: matched) : nil
        problems += placement?.problems ?? []
        if let placement { planMoves(matched, placement: placement, order: &order) }
        for index in additions {
            add(menu.entries[index], index: index, before: placement.flatMap { order.earliest($0.limits(of: index)) })
        }
        removals += removed.map { removal($0.0, location: $0.1, order: order) }
    }

    /// For each desired entry, the live entry with the same identity (dynamic entries never
    /// match), the first unclaimed one in the router's order. Live entries are indexed by identity
    /// once, so matching costs one hash lookup per desired entry.
    func match() -> [LiveEntry?] {
        var candidates = liveByIdentity()
        return menu.entries.map { entry in
            // Popped in place from the end, where the first in the router's order is.
            guard let position = candidates[menu.identity(of: entry)]?.popLast() else { return nil }
            return live[position]
        }
    }

    /// Identity values → positions in `live` of the non-dynamic entries that have them, the
    /// router's first last.
    func liveByIdentity() -> [[String?]: [Int]] {
        var index: [[String?]: [Int]] = [:]
        for (position, entry) in live.enumerated().reversed() where entry.properties["dynamic"] != "true" {
            index[menu.identity.map { entry.properties[$0] }, default: []].append(position)
        }
        return index
    }

    // MARK: - Finding entries again

    /// The entry's identity values, as conditions.
    func identityMatch(_ entry: LiveEntry) -> EntryMatch {
        EntryMatch(pairs: menu.identity.map { ($0, entry.properties[$0]) })
    }

    /// Every configured, non-secret value the entry prints: what finds it when its identity does not.
    func fingerprint(_ entry: LiveEntry) -> EntryMatch {
        EntryMatch(pairs: configured(entry).filter { !isSensitive($0.key) }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
    }

    /// How to find a live entry again: its identity when that is complete and no other entry shares
    /// it, else its fingerprint.
    func locator(_ entry: LiveEntry) -> EntryMatch {
        let key = menu.identity.map { entry.properties[$0] }
        if !key.isEmpty, !key.contains(nil), index.identityCounts[key] == 1 { return identityMatch(entry) }
        return fingerprint(entry)
    }

    /// The values of `entry` a configuration sets: no markers, nothing read-only, nothing this version lacks.
    func configured(_ entry: LiveEntry) -> [String: String] {
        entry.properties.filter { name, _ in
            !Planner.markers.contains(name) && menu.spec.properties[name]?.access != .readOnly && schema.accepts(name, in: menu.path)
        }
    }

    /// The locator of the live entry with `id`.
    func locator(ofID id: String?) -> EntryMatch? {
        guard let id, let entry = index.byID[id] else { return nil }
        return locator(entry)
    }

    // MARK: - Add, set, unset, remove

    func label(_ entry: DesiredEntry) -> String {
        menu.identity.compactMap { name in entry[name].map { shown(name, $0) } }.joined(separator: " ")
    }

    func label(_ entry: LiveEntry) -> String {
        let parts = menu.identity.compactMap { name in entry.properties[name].map { shown(name, $0) } }
        return parts.isEmpty ? (entry.id ?? "") : parts.joined(separator: " ")
    }

    /// How a person recognises the entry `match` finds, secrets shown as the placeholder.
    private func shown(_ match: EntryMatch?) -> String? {
        match.map { $0.conditions.map { shown($0.name, $0.value ?? "(unset)") }.joined(separator: " ") }
    }

    /// `name=value` as a label shows it: a secret, or a value taken from one, as the placeholder.
    private func shown(_ name: String, _ value: String) -> String {
        "\(name)=\(isSensitive(name) || planner.secretValues.contains(value) ? SecretRule.placeholder : value)"
    }

    /// An add; in ordered menus placed `before` the first of the entries it must precede (see
    /// ``Placement``), in the order the moves leave.
    mutating func add(_ entry: DesiredEntry, index: Int, before: String?) {
        for (name, property) in menu.spec.properties where property.required && entry[name] == nil && schema.accepts(name, in: menu.path) {
            problems.append(Diagnostic(entry.location, "cannot add to \(menu.path) without \(name)"))
        }
        let changes = entry.properties.map { PropertyChange(name: $0.name, old: nil, new: $0.value, sensitive: entry.sensitive.contains($0.name)) }
        // Found again by its identity and every value written that the router prints as written.
        let identity = zip(menu.identity, menu.identity(of: entry)).map { EntryMatch.Condition(name: $0.0, value: $0.1) }
        let written = changes.filter { !$0.sensitive && !isSensitive($0.name) && menu.spec.properties[$0.name]?.access != .writeOnly }
            .map { EntryMatch.Condition(name: $0.name, value: $0.new) }
        self.changes.append(Operation(kind: .add, menu: menu.path, id: nil, label: label(entry), changes: changes, before: before, originalBefore: nil,
                                      location: entry.location.description, target: EntryMatch(identity).adding(written), anchor: locator(ofID: before),
                                      anchorLabel: shown(locator(ofID: before))))
    }

    mutating func compare(_ entry: DesiredEntry, with found: LiveEntry) {
        var differences: [PropertyChange] = []
        // Write-only properties (a user's password) are never printed, so they cannot be compared.
        for (name, value) in entry.properties where menu.spec.properties[name]?.access != .writeOnly
        && !ValueNormalizer.sameValue(value, found.properties[name], as: menu.spec.properties[name]?.kind ?? .untyped) {
            differences.append(PropertyChange(name: name, old: found.properties[name], new: value, sensitive: entry.sensitive.contains(name) || isSensitive(name)))
        }
        var unsets: [PropertyChange] = []
        if entry.exact {
            let canUnset = schema.arguments(of: "unset", in: menu.path) != nil
            for (name, value) in found.properties.sorted(by: { $0.key < $1.key }) where isUnmanagedConfigured(name, value, in: entry) {
                if canUnset {
                    unsets.append(PropertyChange(name: name, old: value, new: nil, sensitive: isSensitive(name)))
                } else if let fallback = menu.spec.properties[name]?.defaultValue {
                    differences.append(PropertyChange(name: name, old: value, new: fallback, sensitive: isSensitive(name)))
                } else {
                    problems.append(Diagnostic(entry.location, "_exact: RouterOS \(schema.version) cannot unset \(menu.path) \(name), and its default is not known"))
                }
            }
        }
        guard !differences.isEmpty || !unsets.isEmpty else { return }
        let target = menu.isSettings ? label(found) : label(entry)
        if !differences.isEmpty {
            changes.append(Operation(kind: .set, menu: menu.path, id: found.id, label: target, changes: differences, before: nil, originalBefore: nil,
                                     location: entry.location.description, target: identityMatch(found)))
        }
        if !unsets.isEmpty {
            changes.append(Operation(kind: .unset, menu: menu.path, id: found.id, label: target, changes: unsets, before: nil, originalBefore: nil,
                                     location: entry.location.description, target: identityMatch(found)))
        }
    }

    /// A live property an exact entry does not name that the catalog knows to be configurable and
    /// not at its default (a property the catalog does not describe may print its default: left alone).
    func isUnmanagedConfigured(_ name: String, _ value: String, in entry: DesiredEntry) -> Bool {
        guard entry[name] == nil, !menu.identity.contains(name), schema.accepts(name, in: menu.path),
              let property = menu.spec.properties[name] else { return false }
        return property.access == .readWrite && property.defaultValue != value && !property.required
    }

    /// A remove, keeping the entry's values (and, in ordered menus, its successor) so undo can put it back.
    func removal(_ entry: LiveEntry, location: String, order: RouterOrder) -> Operation {
        let changes = configured(entry).sorted { $0.key < $1.key }.map { PropertyChange(name: $0.key, old: $0.value, new: nil, sensitive: isSensitive($0.key)) }
        let successor = menu.spec.ordered ? order.successor(of: entry.id) : nil
        let target = fingerprint(entry)
        let twins = live.filter { $0.id != entry.id && $0.properties["dynamic"] != "true" && target.matches($0.properties) }.count
        return Operation(kind: .remove, menu: menu.path, id: entry.id, label: label(entry), changes: changes, before: nil,
                         originalBefore: successor, location: location, target: target, originalAnchor: locator(ofID: successor), twins: twins)
    }

    func isSensitive(_ name: String) -> Bool {
        SecretRule.isSecret(property: name, in: menu.path)
    }

    // MARK: - Order

    /// Moves for existing managed entries that are out of the playbook's order or after an anchor,
    /// last entry first, each computed on the order the previous moves leave (`order` is updated).
    /// Entries about to be removed stay in `order`: they are still there when the moves run.
    mutating func planMoves(_ matched: [LiveEntry?], placement: Placement, order: inout RouterOrder) {
        let existing = menu.entries.indices.filter { !menu.entries[$0].absent && matched[$0] != nil }
        for index in existing.reversed() {
            guard let id = matched[index]?.id, let current = order.position(of: id),
                  let destination = order.earliest(placement.limits(of: index)),
                  let limit = order.position(of: destination), current > limit else { continue }
            let originalBefore = order.successor(of: id)
            order.move(id, before: destination)
            changes.append(Operation(kind: .move, menu: menu.path, id: id, label: label(menu.entries[index]), changes: [], before: destination,
                                     originalBefore: originalBefore, location: menu.entries[index].location.description,
                                     target: locator(ofID: id) ?? EntryMatch([]), anchor: locator(ofID: destination),
                                     anchorLabel: shown(locator(ofID: destination)), originalAnchor: locator(ofID: originalBefore)))
        }
    }
}
