/// Every menu rosplay manages and MockRouter simulates, with its curated behaviour.
///
/// The tables live in `Catalog/Menus/`, one file per area. Facts carry a source comment:
/// MikroTik's documentation, third-party evidence, or "assumed" (to revisit).
public enum MenuCatalog {
    /// All specs by menu path.
    public static let specs: [String: MenuSpec] = {
        var specs: [String: MenuSpec] = [:]
        for spec in interfaceMenus + ipMenus + routingMenus + systemMenus {
            precondition(specs[spec.path] == nil, "menu \(spec.path) is described twice")
            specs[spec.path] = spec
        }
        return specs
    }()

    /// The spec of `path`, or nil for a menu rosplay does not know.
    public static func spec(for path: String) -> MenuSpec? {
        specs[path]
    }
}
