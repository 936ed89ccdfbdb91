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

    /// The first component of `menu` the schema does not know, for the "no such command or directory" trap.
    static func firstUnknownComponent(of menu: String, known: (String) -> Bool) -> String {
        var prefix = ""
        for component in menu.split(separator: "/") {
            prefix += "/" + component
            if !known(prefix) { return String(component) }
        }
        return String(menu.split(separator: "/").last ?? "")
    }
}
