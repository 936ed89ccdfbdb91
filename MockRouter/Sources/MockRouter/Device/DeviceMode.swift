import RouterModel

/// The router's `/system/device-mode`: which features the owner has allowed with a button press.
///
/// Device mode is not configuration: `/system/reset-configuration` keeps it, and it can only be
/// changed physically (`update` is not simulated), so it is given when the mock starts.
public struct DeviceMode: Hashable, Sendable {
    /// `scheduler: yes`. With `no`, `/system/scheduler` entries cannot be added, set or enabled
    /// (`failure: not allowed by device-mode`) and no entry ever fires.
    public var scheduler: Bool

    public init(scheduler: Bool = true) {
        self.scheduler = scheduler
    }

    /// The first version whose factory mode is `advanced`; earlier ones print `enterprise`.
    static let firstVersionWithAdvancedMode = RouterOSVersion("7.17")!

    /// What `/system/device-mode/print` shows on a router of `version`: the `advanced` mode's
    /// features as a 7.19 router prints them (`traffic-gen`, `container`, `install-any-version`,
    /// `partitions` and `routerboard` off), with `scheduler` as configured.
    func printed(version: RouterOSVersion) -> Entry.Properties {
        var properties = Entry.Properties()
        properties["mode"] = version >= Self.firstVersionWithAdvancedMode ? "advanced" : "enterprise"
        properties["allowed-versions"] = "7.13+,6.49.8+"
        properties["flagged"] = "false"
        properties["flagging-enabled"] = "true"
        let features: [(String, Bool)] = [
            ("scheduler", scheduler), ("socks", true), ("fetch", true), ("pptp", true), ("l2tp", true),
            ("bandwidth-test", true), ("traffic-gen", false), ("sniffer", true), ("ipsec", true), ("romon", true),
            ("proxy", true), ("hotspot", true), ("smb", true), ("email", true), ("zerotier", true),
            ("container", false), ("install-any-version", false), ("partitions", false), ("routerboard", false),
        ]
        for (name, allowed) in features { properties[name] = allowed ? "true" : "false" }
        properties["attempt-count"] = "0"
        return properties
    }
}
