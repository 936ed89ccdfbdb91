import Foundation

/// Which menus, commands and arguments one RouterOS version has, from its own `/console/inspect`.
///
/// The schemas are embedded (see `scripts/prune-schema.py`), pruned to the menus rosplay manages.
public struct RouterSchema: Sendable {
    /// The RouterOS version the tree was read from.
    public let version: RouterOSVersion
    /// Menu path (`/ip/address`) → command name (`add`) → argument name → RouterOS's description of its type ("" when none).
    public let menus: [String: [String: [String: String]]]

    private struct Document: Decodable {
        let version: String
        let menus: [String: [String: [String: String]]]
    }

    init(json: String) throws {
        let document = try JSONDecoder().decode(Document.self, from: Data(json.utf8))
        guard let version = RouterOSVersion(document.version) else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "bad version \(document.version)"))
        }
        self.version = version
        self.menus = document.menus
    }

    /// The versions with an embedded schema, oldest first.
    public static let embeddedVersions: [RouterOSVersion] = EmbeddedSchemas.versions.compactMap(RouterOSVersion.init)

    /// Schemas decoded so far: each version's document is decoded the first time it is asked for.
    private static let cache = SchemaCache()

    /// The embedded schema for exactly `version`, or nil.
    public static func embedded(_ version: RouterOSVersion) -> RouterSchema? {
        cache.schema(version.description)
    }

    /// The embedded schema closest to `version`: the newest one not newer than it, or the oldest
    /// if `version` predates them all.
    public static func closest(to version: RouterOSVersion) -> RouterSchema {
        let candidates = embeddedVersions.filter { $0 <= version }
        let chosen = candidates.last ?? embeddedVersions.first!
        return cache.schema(chosen.description)!
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

/// Embedded schemas, decoded lazily and once per version, safe to share between threads.
private final class SchemaCache: @unchecked Sendable {
    private let lock = NSLock()
    private var decoded: [String: RouterSchema] = [:]

    func schema(_ version: String) -> RouterSchema? {
        lock.lock()
        defer { lock.unlock() }
        if let schema = decoded[version] { return schema }
        guard let json = EmbeddedSchemas.json(for: version) else { return nil }
        // The embedded documents are generated and checked by tests; a failure here is a build defect.
        let schema = try! RouterSchema(json: json)
        decoded[version] = schema
        return schema
    }
}
