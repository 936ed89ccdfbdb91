/// A command word split into its menu and its verb: `/ip/address/print` is `/ip/address` and `print`.
struct MenuPath: Hashable, Sendable {
    let menu: String
    let verb: String

    init(menu: String, verb: String) {
        self.menu = menu
        self.verb = verb
    }

    init?(command path: String) {
        guard path.hasPrefix("/"), let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return nil }
        menu = String(path[..<slash])
        verb = String(path[path.index(after: slash)...])
        guard !verb.isEmpty else { return nil }
    }

    /// The first component of `menu` that names no menu of the schema and no folder above one,
    /// for the "no such command or directory" trap.
    /// Nil when every component is known (`/routing` is a folder, not a menu).
    static func firstUnknownComponent(of menu: String, menus: some Collection<String>) -> String? {
        var prefix = ""
        for component in menu.split(separator: "/") {
            prefix += "/" + component
            if !menus.contains(where: { $0 == prefix || $0.hasPrefix(prefix + "/") }) { return String(component) }
        }
        return nil
    }
}
