import RouterModel
import RouterOSAPI

/// How a print-like command (`print`, `print follow`, `listen`) shows entries to the user who
/// sent it: secrets masked unless the user's group has `sensitive`, `/interface` as its own view
/// of every interface type, then the command's queries and `.proplist`.
///
/// `print` applies it to the rows it selects; a streaming command's listener keeps it and applies
/// it to each change as it is delivered, so every listener sees the change as its own print would.
struct PrintView: Sendable {
    /// The menu printed: `/interface` shows the entries of every interface type menu.
    let menu: String
    let user: MockUser
    /// The version's schema: which menus hold interfaces, and how their properties behave.
    let schema: RouterSchema
    let queries: [QueryWord]
    /// The properties to keep (`.proplist`), or nil for all of them.
    let proplist: Set<String>?

    init(command: Command, menu: String, user: MockUser, schema: RouterSchema) {
        self.menu = menu
        self.user = user
        self.schema = schema
        queries = command.queries
        proplist = command[".proplist"].map { Set($0.split(separator: ",").map(String.init)) }
    }

    /// The properties `/interface print` shows of an interface, after `.id`, `name` and `type`.
    static let interfaceProperties = ["default-name", "mac-address", "mtu", "actual-mtu", "running", "disabled", "comment"]

    /// True when changes to entries of `entryMenu` show in this view.
    func shows(_ entryMenu: String) -> Bool {
        entryMenu == menu || (menu == "/interface" && schema.spec(for: entryMenu)?.interfaceType != nil)
    }

    /// The words RouterOS prints for `entry` of `entryMenu` in this view, before queries and
    /// `.proplist`: `.id` first in list menus, then its properties, secrets masked for users
    /// without the `sensitive` policy. Under `/interface`, the interface's common properties and its `type`.
    func row(_ entry: Entry, of entryMenu: String, withID: Bool = true) -> [Attribute] {
        var row = withID ? [Attribute(".id", entry.id)] : []
        if menu == "/interface", let type = schema.spec(for: entryMenu)?.interfaceType {
            if let name = entry.properties["name"] { row.append(Attribute("name", name)) }
            row.append(Attribute("type", type))
            for name in Self.interfaceProperties {
                if let value = entry.properties[name] { row.append(Attribute(name, value)) }
            }
            return row
        }
        let spec = schema.spec(for: entryMenu)
        // Write-only properties (a user's password) are kept but never printed.
        for (name, value) in entry.properties where spec?.properties[name]?.access != .writeOnly {
            let masked = !user.group.seesSensitive && SecretRule.isSecret(property: name, in: entryMenu)
            row.append(Attribute(name, masked ? TrapText.maskedSecret : value))
        }
        return row
    }

    /// The rows the queries select, with `.proplist` applied.
    func select(_ rows: [[Attribute]]) -> [[Attribute]] {
        rows.compactMap(selected)
    }

    /// `row` with `.proplist` applied when the queries select it; nil when they do not.
    func selected(_ row: [Attribute]) -> [Attribute]? {
        QueryEvaluator(queries).matches { row[$0] } ? project(row) : nil
    }

    /// The `!re` words a listener gets for `change`, or nil when its queries do not select the
    /// entry. A removed entry is selected by its last properties and reported as `.id` and
    /// `.dead=true`, whatever `.proplist` says.
    func render(_ change: ChangeEvent) -> [Attribute]? {
        let full = row(change.entry, of: change.menu)
        guard QueryEvaluator(queries).matches({ full[$0] }) else { return nil }
        guard !change.removed else { return [Attribute(".id", change.entry.id), Attribute(".dead", "true")] }
        return project(full)
    }

    private func project(_ row: [Attribute]) -> [Attribute] {
        guard let proplist else { return row }
        return row.filter { proplist.contains($0.name) }
    }
}
