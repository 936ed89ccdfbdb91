import OrderedCollections

/// The configuration of the simulated router: list menus and settings menus.
struct DeviceState: Hashable, Sendable {
    /// List menus (`/ip/address`) by path.
    var tables: [String: MenuTable] = [:]
    /// Settings menus (`/system/identity`): one unnumbered item each.
    var settings: [String: Entry.Properties] = [:]
}
