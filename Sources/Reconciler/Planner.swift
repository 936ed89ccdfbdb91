import Playbook
import RouterModel

/// Compares what the playbooks want with what the router has and lists the operations that
/// close the gap. A pure function: no I/O, same inputs, same plan.
public struct Planner {
    public let desired: DesiredState
    public let snapshot: Snapshot
    public let schema: RouterSchema

    public init(desired: DesiredState, snapshot: Snapshot, schema: RouterSchema) {
        self.desired = desired
        self.snapshot = snapshot
        self.schema = schema
    }

    /// Properties RouterOS prints about an entry that are never configured.
    static let markers: Set<String> = ["dynamic", "builtin", "default", "invalid", "running", "inactive"]

    public func plan() throws -> Plan {
        var problems: [String] = []
        if let board = desired.board, let live = snapshot.boardName, board != live {
            problems.append("the playbook is for board \(board); this router is \(live)")
        }
        if let minimum = desired.minimumVersion, snapshot.version < minimum {
            problems.append("the playbook needs RouterOS \(minimum) or later; the router runs \(snapshot.version)")
        }
        var forward: [Int: [Operation]] = [:]
        var removals: [Int: [Operation]] = [:]
        for menu in desired.menus {
            let level = DependencyOrder.level(of: menu.path)
            var menuPlan = MenuPlanner(menu: menu, live: snapshot.menus[menu.path] ?? [], planner: self)
            menuPlan.run()
            problems += menuPlan.problems
            forward[level, default: []] += menuPlan.changes
            removals[level, default: []] += menuPlan.removals
        }
        problems += danglingReferences()
        guard problems.isEmpty else { throw PlanError(problems: problems) }
        let levels = (0...DependencyOrder.deepest).map { forward[$0] ?? [] }
            + (0...DependencyOrder.deepest).reversed().map { removals[$0] ?? [] }
        return Plan(levels: levels.filter { !$0.isEmpty })
    }

    /// Names a desired entry refers to that neither the router nor the playbooks define.
    func danglingReferences() -> [String] {
        var problems: [String] = []
        for menu in desired.menus {
            for entry in menu.entries where !entry.absent {
                for (name, value) in entry.properties {
                    guard let kind = menu.spec.properties[name]?.kind else { continue }
                    for missing in unresolved(value, kind) {
                        problems.append("\(entry.location): \(menu.path) \(name)=\(missing) names nothing the router or the playbooks define")
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

    /// Names in `menu` on the router or (not absent) in the playbooks; `/interface` spans every interface type.
    func knownNames(in menu: String) -> Set<String> {
        let live = Set((snapshot.menus[menu] ?? []).compactMap { $0.properties["name"] })
        let desiredMenus = desired.menus.filter { $0.path == menu || (menu == "/interface" && $0.path.hasPrefix("/interface/") && $0.spec.identity == ["name"]) }
        let planned = desiredMenus.flatMap { $0.entries.filter { !$0.absent }.compactMap { $0["name"] } }
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
    var problems: [String] = []

    var schema: RouterSchema { planner.schema }

    mutating func run() {
        if menu.isSettings {
            if let entry = menu.entries.last { compare(entry, with: live.first ?? LiveEntry(id: nil, properties: [:])) }
            return
        }
        var matched: [Int: LiveEntry] = [:]  // desired index → live entry
        var claimed = Set<String>()
        for (index, entry) in menu.entries.enumerated() {
            let key = menu.identity(of: entry)
            let found = live.first { candidate in
                candidate.properties["dynamic"] != "true" && !claimed.contains(candidate.id ?? "")
                    && menu.identity.map { candidate.properties[$0] } == key
            }
            if let found {
                matched[index] = found
                claimed.insert(found.id ?? "")
            }
        }
        for (index, entry) in menu.entries.enumerated() {
            switch (entry.absent, matched[index]) {
            case (true, let found?):
                removals.append(removal(found, location: entry.location.description))
            case (true, nil):
                break
            case (false, let found?):
                compare(entry, with: found)
            case (false, nil):
                add(entry, index: index, matched: matched)
            }
        }
        if menu.exclusive {
            for entry in live where !claimed.contains(entry.id ?? "") && !entry.isProtected {
                removals.append(removal(entry, location: menu.location.description))
            }
        }
        if menu.spec.ordered { planMoves(matched) }
    }

    // MARK: - Add, set, unset, remove

    func label(_ entry: DesiredEntry) -> String {
        menu.identity.compactMap { name in entry[name].map { "\(name)=\($0)" } }.joined(separator: " ")
    }

    func label(_ entry: LiveEntry) -> String {
        let parts = menu.identity.compactMap { name in entry.properties[name].map { "\(name)=\($0)" } }
        return parts.isEmpty ? (entry.id ?? "") : parts.joined(separator: " ")
    }

    mutating func add(_ entry: DesiredEntry, index: Int, matched: [Int: LiveEntry]) {
        for (name, property) in menu.spec.properties where property.required && entry[name] == nil && versionHas(name) {
            problems.append("\(entry.location): cannot add to \(menu.path) without \(name)")
        }
        var before: String?
        if menu.spec.ordered {
            // Before the next entry of the playbook that already exists, else before the anchor.
            before = menu.entries.indices.dropFirst(index + 1).lazy.compactMap { matched[$0]?.id }.first
            if let anchor = entry.placeBefore {
                let anchorID = self.anchor(anchor, for: entry)
                if before == nil || (anchorID.flatMap(position) ?? .max) < (before.flatMap(position) ?? .max) { before = anchorID }
            }
        }
        let changes = entry.properties.map { PropertyChange(name: $0.name, old: nil, new: $0.value, sensitive: entry.sensitive.contains($0.name)) }
        self.changes.append(Operation(kind: .add, menu: menu.path, id: nil, label: label(entry), changes: changes, before: before, originalBefore: nil, location: entry.location.description))
    }

    mutating func compare(_ entry: DesiredEntry, with found: LiveEntry) {
        var differences: [PropertyChange] = []
        for (name, value) in entry.properties where found.properties[name] != value {
            differences.append(PropertyChange(name: name, old: found.properties[name], new: value, sensitive: entry.sensitive.contains(name) || isSensitive(name)))
        }
        var unsets: [PropertyChange] = []
        if entry.exact {
            for (name, value) in found.properties.sorted(by: { $0.key < $1.key }) where isUnmanagedConfigured(name, value, in: entry) {
                if let fallback = menu.spec.properties[name]?.defaultValue, schema.arguments(of: "unset", in: menu.path) == nil {
                    differences.append(PropertyChange(name: name, old: value, new: fallback, sensitive: isSensitive(name)))
                } else {
                    unsets.append(PropertyChange(name: name, old: value, new: nil, sensitive: isSensitive(name)))
                }
            }
        }
        let target = menu.isSettings ? label(found) : label(entry)
        if !differences.isEmpty {
            changes.append(Operation(kind: .set, menu: menu.path, id: found.id, label: target, changes: differences, before: nil, originalBefore: nil, location: entry.location.description))
        }
        if !unsets.isEmpty {
            changes.append(Operation(kind: .unset, menu: menu.path, id: found.id, label: target, changes: unsets, before: nil, originalBefore: nil, location: entry.location.description))
        }
    }

    /// A live property an exact entry does not name, that is configurable and not at its default.
    func isUnmanagedConfigured(_ name: String, _ value: String, in entry: DesiredEntry) -> Bool {
        guard entry[name] == nil, !Planner.markers.contains(name), versionHas(name) else { return false }
        guard let property = menu.spec.properties[name] else { return true }
        return property.access == .readWrite && property.defaultValue != value && !property.required
    }

    func removal(_ entry: LiveEntry, location: String) -> Operation {
        let kept = entry.properties.filter { name, _ in
            !Planner.markers.contains(name) && menu.spec.properties[name]?.access != .readOnly && versionHas(name)
        }
        let changes = kept.sorted { $0.key < $1.key }.map { PropertyChange(name: $0.key, old: $0.value, new: nil, sensitive: isSensitive($0.key)) }
        return Operation(kind: .remove, menu: menu.path, id: entry.id, label: label(entry), changes: changes, before: nil,
                         originalBefore: successor(of: entry.id), location: location)
    }

    func isSensitive(_ name: String) -> Bool {
        menu.spec.properties[name]?.sensitive == true
    }

    func versionHas(_ name: String) -> Bool {
        schema.arguments(of: "add", in: menu.path)?[name] != nil || schema.arguments(of: "set", in: menu.path)?[name] != nil
    }

    // MARK: - Order

    /// The `.id` after `id` in the live order, for ordered menus.
    func successor(of id: String?) -> String? {
        guard menu.spec.ordered, let id, let index = live.firstIndex(where: { $0.id == id }), index + 1 < live.count else { return nil }
        return live[index + 1].id
    }

    func position(_ id: String) -> Int? {
        live.firstIndex { $0.id == id }
    }

    /// The live entry an anchor's properties designate.
    mutating func anchor(_ anchor: [(name: String, value: String)], for entry: DesiredEntry) -> String? {
        guard let found = live.first(where: { candidate in anchor.allSatisfy { candidate.properties[$0.name] == $0.value } }) else {
            let text = anchor.map { "\($0.name)=\($0.value)" }.joined(separator: " ")
            problems.append("\(entry.location): _place-before: no entry of \(menu.path) has \(text)")
            return nil
        }
        return found.id
    }

    /// Moves for existing managed entries that are out of the playbook's order or after their anchor.
    /// Works on a simulated order so each move is computed against the order the previous ones leave.
    mutating func planMoves(_ matched: [Int: LiveEntry]) {
        let removed = Set(removals.compactMap(\.id))
        var order = live.compactMap(\.id).filter { !removed.contains($0) }
        let existing = menu.entries.indices.filter { !menu.entries[$0].absent && matched[$0] != nil }
        for (offset, index) in existing.enumerated().reversed() {
            guard let id = matched[index]?.id, var current = order.firstIndex(of: id) else { continue }
            var limits: [String] = []
            if offset + 1 < existing.count, let next = matched[existing[offset + 1]]?.id { limits.append(next) }
            if let anchor = menu.entries[index].placeBefore, let anchorID = self.anchor(anchor, for: menu.entries[index]) { limits.append(anchorID) }
            guard let destination = limits.min(by: { (order.firstIndex(of: $0) ?? .max) < (order.firstIndex(of: $1) ?? .max) }),
                  let limit = order.firstIndex(of: destination), current > limit else { continue }
            order.remove(at: current)
            current = order.firstIndex(of: destination)!
            order.insert(id, at: current)
            changes.append(Operation(kind: .move, menu: menu.path, id: id, label: label(menu.entries[index]), changes: [], before: destination,
                                     originalBefore: successor(of: id), location: menu.entries[index].location.description))
        }
    }
}
