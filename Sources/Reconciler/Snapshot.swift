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

    /// Reads each menu of `desired`, and those its references name, as `identity`'s router has them.
    public static func read(_ desired: DesiredState, schema: RouterSchema, identity: RouterIdentity, from session: RouterSession) async throws -> Snapshot {
        let menus = try await read(menusToRead(desired, schema: schema), from: session)
        return Snapshot(version: identity.version, boardName: identity.boardName, menus: menus)
    }

    /// The entries of every menu in `paths`: one print each, all in flight together (tagged), so a
    /// slow link costs one round trip.
    public static func read(_ paths: [String], from session: RouterSession) async throws -> [String: [LiveEntry]] {
        try await withThrowingTaskGroup(of: (String, [LiveEntry]).self) { group in
            for path in paths {
                group.addTask { (path, try await read(path, from: session)) }
            }
            return try await group.reduce(into: [String: [LiveEntry]]()) { $0[$1.0] = $1.1 }
        }
    }

    /// The entries of one menu, `.id` taken out of the properties.
    public static func read(_ path: String, from session: RouterSession) async throws -> [LiveEntry] {
        try await session.execute(Command(path + "/print")).rows.map { row in
            var properties = row.dictionary
            let id = properties.removeValue(forKey: ".id")
            return LiveEntry(id: id, properties: PrintedForms.asWritten(properties, in: path))
        }
    }

    /// The desired menus plus every menu their references point into (to check names exist), as far
    /// as this version has the menu and the referring property.
    static func menusToRead(_ desired: DesiredState, schema: RouterSchema) -> [String] {
        var paths = desired.menus.map(\.path)
        for menu in desired.menus {
            for (name, property) in menu.spec.properties where schema.accepts(name, in: menu.path) {
                for target in property.kind.referencedMenus
                where !paths.contains(target) && schema.spec(for: target) != nil {
                    paths.append(target)
                }
            }
        }
        return paths
    }
}

/// Which router this is: what `/system/resource` says of its version and board.
public struct RouterIdentity: Sendable {
    public var version: RouterOSVersion
    public var boardName: String?

    /// Reads `/system/resource`; a router that does not say its version is an error.
    public static func read(from session: RouterSession) async throws -> RouterIdentity {
        let resource = try await session.execute(Command("/system/resource/print", [".proplist": "version,board-name"])).rows.first
        guard let version = resource?["version"].flatMap(RouterOSVersion.init) else {
            throw PlanError(problems: ["the router did not say which RouterOS version it runs"])
        }
        return RouterIdentity(version: version, boardName: resource?["board-name"])
    }
}
