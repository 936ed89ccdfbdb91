import Playbook
import RouterModel
import RouterOSAPI

/// One live entry as the router printed it.
public struct LiveEntry: Sendable, Hashable {
    /// `.id`, or nil in a settings menu.
    public var id: String?
    public var properties: [String: String]

    public init(id: String?, properties: [String: String]) {
        self.id = id
        self.properties = properties
    }

    /// Made by RouterOS (dynamic) or shipped with it (builtin, default): never removed.
    public var isProtected: Bool {
        ["dynamic", "builtin", "default"].contains { properties[$0] == "true" }
    }
}

/// The live state of the menus a playbook touches, read once per menu.
public struct Snapshot: Sendable {
    public var version: RouterOSVersion
    public var boardName: String?
    /// Menu path → entries in the router's order.
    public var menus: [String: [LiveEntry]]

    public init(version: RouterOSVersion, boardName: String?, menus: [String: [LiveEntry]]) {
        self.version = version
        self.boardName = boardName
        self.menus = menus
    }

    /// Reads the router's version and board, then each menu of `desired` (and those its references name).
    public static func read(_ desired: DesiredState, from session: RouterSession) async throws -> Snapshot {
        let resource = try await session.execute(Command("/system/resource/print", [".proplist": "version,board-name"])).rows.first
        let version = resource?["version"].flatMap(RouterOSVersion.init) ?? RouterOSVersion("7.0")!
        // One print per menu, all in flight together (tagged), so a slow link costs one round trip.
        let menus = try await withThrowingTaskGroup(of: (String, [LiveEntry]).self) { group in
            for path in menusToRead(desired) {
                group.addTask { (path, try await read(path, from: session)) }
            }
            return try await group.reduce(into: [String: [LiveEntry]]()) { $0[$1.0] = $1.1 }
        }
        return Snapshot(version: version, boardName: resource?["board-name"], menus: menus)
    }

    /// The entries of one menu, `.id` taken out of the properties.
    public static func read(_ path: String, from session: RouterSession) async throws -> [LiveEntry] {
        try await session.execute(Command(path + "/print")).rows.map { row in
            var properties = row.dictionary
            let id = properties.removeValue(forKey: ".id")
            return LiveEntry(id: id, properties: properties)
        }
    }

    /// The desired menus plus every menu their references point into (to check names exist).
    static func menusToRead(_ desired: DesiredState) -> [String] {
        var paths = desired.menus.map(\.path)
        for menu in desired.menus {
            for property in menu.spec.properties.values {
                for target in property.kind.referencedMenus where !paths.contains(target) && MenuCatalog.spec(for: target) != nil {
                    paths.append(target)
                }
            }
        }
        return paths
    }
}

extension ValueKind {
    /// The menus whose entries' names this kind refers to.
    var referencedMenus: [String] {
        switch self {
        case .reference(let menu, _): return menu == "/interface" ? ["/interface"] : [menu]
        case .negatable(let inner), .list(let inner): return inner.referencedMenus
        case .choice(let kinds): return kinds.flatMap(\.referencedMenus)
        default: return []
        }
    }
}
