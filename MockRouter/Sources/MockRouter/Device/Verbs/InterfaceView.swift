import RouterModel
import RouterOSAPI

/// `/interface`: every interface of every type in one list, sharing `.id`s with the type menus.
extension CommandExecution {
    /// The rows `/interface print` shows before queries.
    func interfaceRows() -> [[Attribute]] {
        var rows: [(Int, [Attribute])] = []
        for menu in InterfaceTypes.menus {
            for entry in state.tables[menu]?.entries ?? [] {
                var row = [Attribute(".id", entry.id)]
                for name in ["name", "default-name", "mac-address", "mtu", "actual-mtu", "running", "disabled", "comment"] {
                    if let value = entry.properties[name] { row.append(Attribute(name, value)) }
                }
                row.insert(Attribute("type", InterfaceTypes.typeByMenu[menu]!), at: 2)
                rows.append((entry.number, row))
            }
        }
        return rows.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// The interface menu and number that an `/interface` selector designates.
    func locateInterface(_ reference: String) throws -> (menu: String, number: Int) {
        for menu in InterfaceTypes.menus {
            if let number = try? resolve(reference, in: menu) { return (menu, number) }
        }
        throw CommandTrap(TrapText.noSuchItem)
    }

    /// `set`, `enable`, `disable`, `comment` on `/interface` change the entry in its type's menu.
    mutating func setThroughInterfaceView(_ given: [(String, String)]) throws {
        guard let selector = command[".id"] ?? command["numbers"] else { throw CommandTrap(TrapText.missingArgument("numbers")) }
        for reference in selector.split(separator: ",") {
            let (menu, number) = try locateInterface(String(reference))
            try update(number, in: menu, given: given)
        }
    }
}
