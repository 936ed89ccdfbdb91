import RouterModel
/// The configuration of the simulated router: list menus, settings menus and the counters
/// behind `.id`. Codable so `--state FILE` can keep it across restarts.
struct DeviceState: Hashable, Sendable, Codable {
    /// List menus (`/ip/address`) by path.
    var tables: [String: MenuTable] = [:]
    /// Settings menus (`/system/identity`): one unnumbered item each.
    var settings: [String: Entry.Properties] = [:]
    /// Last number handed out per id space; never reused within a run.
    private var lastNumbers: [String: Int] = [:]

    /// The next `.id` number for `menu`. Interface menus share one space, as on RouterOS, so an
    /// interface has the same `.id` under `/interface` and under its own type's menu.
    mutating func nextNumber(for menu: String) -> Int {
        let space = InterfaceTypes.isInterfaceMenu(menu) ? "/interface" : menu
        let number = (lastNumbers[space] ?? 0) + 1
        lastNumbers[space] = number
        return number
    }
}
