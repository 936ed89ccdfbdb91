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

    /// The entries of every menu in `paths`: one print each, all in one wave, so a slow link costs
    /// one round trip. The first failure is thrown. `progress` counts the menus as they are answered.
    public static func read(_ paths: [String], from session: RouterSession, progress: ReadProgress? = nil) async throws -> [String: [LiveEntry]] {
        var menus: [String: [LiveEntry]] = [:]
        for (path, outcome) in zip(paths, await session.pipeline(prints(paths, progress: progress))) {
            menus[path] = entries(try outcome!.replies[0].get().rows, in: path)
        }
        return menus
    }

    /// The same, leaving out a menu the router refuses to print (one this version lacks) instead
    /// of failing.
    public static func readWherePossible(_ paths: [String], from session: RouterSession, progress: ReadProgress? = nil) async -> [String: [LiveEntry]] {
        var menus: [String: [LiveEntry]] = [:]
        for (path, outcome) in zip(paths, await session.pipeline(prints(paths, progress: progress))) {
            if let rows = try? outcome?.replies[0].get().rows { menus[path] = entries(rows, in: path) }
        }
        return menus
    }

    /// One print of each menu of `paths`, as one wave that tells `progress` of each menu answered.
    private static func prints(_ paths: [String], progress: ReadProgress?) -> Wave {
        progress?.asking(paths.count)
        return Wave(paths.map { [Command($0 + "/print")] }, answered: { index, _ in progress?.read(paths[index]) })
    }

    /// Printed rows of `path` as entries: `.id` taken out, values in the form a playbook writes them.
    static func entries(_ rows: [Row], in path: String) -> [LiveEntry] {
        rows.map { row in
            var properties = row.dictionary
            let id = properties.removeValue(forKey: ".id")
            return LiveEntry(id: id, properties: PrintedForms.asWritten(properties, in: path))
        }
    }

    /// The rows of each print in `commands`, sent as one wave, as printed; the first failure is thrown.
    static func print(_ commands: [Command], from session: RouterSession) async throws -> [[LiveEntry]] {
        try await session.pipeline(Wave(commands.map { [$0] })).map { outcome in
            try outcome!.replies[0].get().rows.map(LiveEntry.init(row:))
        }
    }

    /// The desired menus plus every menu their references point into (to check names exist), as far
    /// as this version has the menu and the referring property.
    static func menusToRead(_ desired: DesiredState, schema: RouterSchema) -> [String] {
        menusToRead(desired.menus.map(\.path), schema: schema)
    }

    /// The same for playbooks naming the menus `paths`, before they are validated: menus this version
    /// lacks or cannot configure are left out (the validator refuses them), so the read can go out
    /// while the playbooks are checked. Without a schema (the version not known yet), the menus of
    /// the curated catalog and those their properties refer to: a guess, which may name menus this
    /// version lacks and leaves out those only the version's command tree describes.
    public static func menusToRead(_ paths: [String], schema: RouterSchema?) -> [String] {
        func specOf(_ menu: String) -> MenuSpec? { schema.map { $0.spec(for: menu) } ?? MenuCatalog.spec(for: menu) }
        var read: [String] = []
        for path in paths where !read.contains(path) && specOf(path) != nil {
            read.append(path)
        }
        for path in read {
            guard let spec = specOf(path) else { continue }
            for (name, property) in spec.properties where schema?.accepts(name, in: path) != false {
                for target in property.kind.referencedMenus where !read.contains(target) && specOf(target) != nil {
                    read.append(target)
                }
            }
        }
        return read
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
            throw Unidentified()
        }
        return RouterIdentity(version: version, boardName: resource?["board-name"])
    }

    /// A router whose `/system/resource` names no RouterOS version: nothing can be checked against it.
    public struct Unidentified: Error, CustomStringConvertible {
        public var description: String { "the router did not say which RouterOS version it runs (/system/resource print shows no version)" }
    }
}
