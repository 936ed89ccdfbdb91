import RouterModel
import RouterOSAPI

/// `/interface`: every interface of every type in one list, sharing `.id`s with the type menus.
extension CommandExecution {
    /// The rows `/interface print` shows before queries.
    func interfaceRows() -> [[Attribute]] {
        let entries = schema.interfaceMenus.flatMap { menu in (state.tables[menu].map { Array($0.ordered) } ?? []).map { (menu, $0) } }
        return entries.sorted { $0.1.number < $1.1.number }.map { printed($0.1, of: $0.0) }
    }

    /// The interface menu and number that an `/interface` selector designates.
    func locateInterface(_ reference: String) throws -> (menu: String, number: Int) {
        for menu in schema.interfaceMenus {
            if let number = try? resolve(reference, in: menu) { return (menu, number) }
        }
        throw CommandTrap(TrapText.noSuchItem)
    }
}
