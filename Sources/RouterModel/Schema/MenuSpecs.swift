import Foundation

/// One RouterOS version's ``MenuSpec``s, built on first use: the catalog's spec where it describes
/// the menu, completed with the tree's other arguments; derived from the tree elsewhere.
final class MenuSpecs: @unchecked Sendable {
    private let menus: [String: [String: [String: String]]]
    private let lock = NSLock()
    private var built: [String: MenuSpec?] = [:]
    /// Levels being computed, so that menus naming each other cannot recurse forever.
    private var inProgress: Set<String> = []

    init(menus: [String: [String: [String: String]]]) {
        self.menus = menus
    }

    /// The menus whose entries are interfaces, sorted (the order `/interface print` lists them).
    var interfaceMenus: [String] {
        lock.lock()
        defer { lock.unlock() }
        if let interfaceMenusFound { return interfaceMenusFound }
        let found = menus.keys.filter { locked($0)?.interfaceType != nil }.sorted()
        interfaceMenusFound = found
        return found
    }

    private var interfaceMenusFound: [String]?

    func spec(for path: String) -> MenuSpec? {
        lock.lock()
        defer { lock.unlock() }
        return locked(path)
    }

    private func locked(_ path: String) -> MenuSpec? {
        if let spec = built[path] { return spec }
        guard var spec = base(path) else {
            built[path] = .some(nil)
            return nil
        }
        guard inProgress.insert(path).inserted else { return spec }
        defer { inProgress.remove(path) }
        if spec.origin == .derived { spec.level = derivedLevel(of: spec) }
        // Never before what its values name: at least the level of each menu it references (within
        // a level, entries that name each other are ordered by the planner's waves).
        for target in Set(spec.properties.values.flatMap(\.kind.referencedMenus)) where target != path && target != "/interface" {
            if let referenced = locked(target) { spec.level = max(spec.level, referenced.level) }
        }
        built[path] = spec
        return spec
    }

    /// Arguments `add` or `set` take that describe an entry (not `numbers`, `place-before`…).
    private func settable(_ path: String) -> [String: String] {
        let commands = menus[path] ?? [:]
        return (commands["add"] ?? [:]).merging(commands["set"] ?? [:]) { first, _ in first }
            .filter { !MenuSpec.controlArguments.contains($0.key) }
    }

    /// The spec before a derived menu's level is known (levels follow references to other menus).
    private func base(_ path: String) -> MenuSpec? {
        guard let commands = menus[path], commands["add"] != nil || commands["set"] != nil else { return nil }
        let arguments = settable(path)
        var properties: [String: PropertySpec] = [:]
        let known = KnownProperties.byMenu[path] ?? [:]
        for (name, description) in arguments {
            properties[name] = known[name] ?? PropertySpec(DescribedKind.kind(from: description) ?? .untyped)
        }
        if var curated = MenuCatalog.spec(for: path) {
            curated.properties = properties.merging(curated.properties) { _, catalog in catalog }
            curated.ordered = curated.ordered || OrderedMenus.paths.contains(path)
            return curated
        }
        let style: MenuSpec.Style = commands["add"] != nil ? .list : commands["set"]?["numbers"] != nil ? .fixed : .settings
        let hasName = arguments["name"] != nil
        let identity = style == .settings ? [] : KnownIdentities.byMenu[path] ?? (hasName ? ["name"] : [])
        return MenuSpec(
            path, origin: .derived, level: 0,
            interfaceType: InterfaceTypes.derivedType(of: path, style: style, hasName: hasName),
            style: style, identity: identity,
            ordered: OrderedMenus.paths.contains(path) && commands["move"] != nil,
            unique: style == .list && identity == ["name"] ? [["name"]] : [],
            properties: properties)
    }

    /// After what the menu's arguments name: interfaces (an argument `interface`), menus named by
    /// an argument next to one of its ancestors (`/ppp/secret profile` → `/ppp/profile`) and the
    /// list menu it sits under (`/ip/dhcp-server/lease` after `/ip/dhcp-server`). An interface
    /// menu on no other interface comes first, like a bridge; one on another, like a VLAN.
    private func derivedLevel(of spec: MenuSpec) -> Int {
        let path = spec.path
        let namesInterface = spec.properties.keys.contains { $0 == "interface" || $0 == "interfaces" || $0.hasSuffix("-interface") }
        if spec.interfaceType != nil { return namesInterface ? 1 : 0 }
        var level = namesInterface ? 2 : 0
        var ancestors: [String] = []
        var ancestor = path
        while let slash = ancestor.lastIndex(of: "/"), slash != ancestor.startIndex {
            ancestor = String(ancestor[..<slash])
            ancestors.append(ancestor)
        }
        var referenced = spec.properties.keys.flatMap { name in ancestors.map { $0 + "/" + name } }.filter { $0 != path }
        if let parent = ancestors.first, menus[parent]?["add"] != nil { referenced.append(parent) }
        for menu in referenced where menus[menu] != nil {
            if let target = locked(menu) { level = max(level, target.level + 1) }
        }
        return level
    }
}
