import Foundation

/// Which menus, commands and arguments one RouterOS version has, from its own `/console/inspect`.
///
/// The whole tree of each version is embedded (see `scripts/embed-schema.py`) and decoded the
/// first time that version is asked for.
public struct RouterSchema: Sendable {
    /// The RouterOS version the tree was read from.
    public let version: RouterOSVersion
    /// Menu path (`/ip/address`) → command name (`add`) → argument name → RouterOS's description of its type ("" when none).
    public let menus: [String: [String: [String: String]]]

    private let specs: MenuSpecs

    init(version: RouterOSVersion, menus: [String: [String: [String: String]]]) {
        self.version = version
        self.menus = menus
        self.specs = MenuSpecs(menus: menus)
    }

    /// What rosplay knows of `menu` in this version, or nil when the version has no such menu or
    /// nothing in it can be configured (no `add`, no `set`).
    public func spec(for menu: String) -> MenuSpec? {
        specs.spec(for: menu)
    }

    /// Every configurable menu of this version, by path.
    public var configurableMenus: [String] {
        menus.keys.filter { spec(for: $0) != nil }.sorted()
    }

    /// The menus whose entries are interfaces, in the order `/interface print` lists them.
    public var interfaceMenus: [String] {
        specs.interfaceMenus
    }

    /// The versions with an embedded schema, oldest first.
    public static let embeddedVersions: [RouterOSVersion] = EmbeddedSchemas.versions.compactMap(RouterOSVersion.init)

    /// Schemas decoded so far: each version's document is decoded the first time it is asked for.
    private static let cache = Memo<String, RouterSchema?>()

    /// The embedded schema for exactly `version`, or nil.
    public static func embedded(_ version: RouterOSVersion) -> RouterSchema? {
        decoded(version.description)
    }

    /// The embedded schema closest to `version`: the newest one not newer than it, or the oldest
    /// if `version` predates them all.
    public static func closest(to version: RouterOSVersion) -> RouterSchema {
        let candidates = embeddedVersions.filter { $0 <= version }
        let chosen = candidates.last ?? embeddedVersions.first!
        return decoded(chosen.description)!
    }

    /// The embedded schema of `version`, decoded the first time it is asked for.
    private static func decoded(_ version: String) -> RouterSchema? {
        cache.value(for: version) {
            guard let parsed = RouterOSVersion(version), EmbeddedSchemas.versions.contains(version) else { return nil }
            // The embedded document is generated and checked by tests; a failure here is a build defect.
            return RouterSchema(version: parsed, menus: try! SchemaDocument.embedded.menus(of: version))
        }
    }

    /// True when the menu exists in this version.
    public func hasMenu(_ path: String) -> Bool {
        menus[path] != nil
    }

    /// True when `property` can be given to `add` or `set` in `menu` in this version.
    public func accepts(_ property: String, in menu: String) -> Bool {
        arguments(of: "add", in: menu)?[property] != nil || arguments(of: "set", in: menu)?[property] != nil
    }

    /// The arguments `command` accepts in `menu`, or nil when the menu or command does not exist.
    public func arguments(of command: String, in menu: String) -> [String: String]? {
        menus[menu]?[command]
    }
}
