import ArgumentParser
import RouterModel

/// `--routeros-version`: the RouterOS version to work with offline, and the command tree used for it.
struct RouterOSVersionOption: ParsableArguments {
    @Option(name: .customLong("routeros-version"), help: ArgumentHelp(
        "RouterOS version (\(RouterSchema.embeddedVersions.map(\.description).joined(separator: ", ")) are known).",
        valueName: "version"))
    var routerOSVersion = "7.20.8"

    func validate() throws {
        guard let version = RouterOSVersion(routerOSVersion) else {
            throw ValidationError("--routeros-version: '\(routerOSVersion)' is not a version such as 7.20.8")
        }
        guard let oldest = RouterSchema.embeddedVersions.first, Self.release(version) >= Self.release(oldest) else {
            throw ValidationError("--routeros-version: rosplay knows RouterOS \(Self.known); \(version) is older than all of them")
        }
    }

    /// The version given (checked by `validate()`).
    var version: RouterOSVersion { RouterOSVersion(routerOSVersion)! }

    /// The command tree for the version, warning when the version is newer than every tree known.
    func schema() -> RouterSchema {
        if let newest = RouterSchema.embeddedVersions.last, Self.release(version) > Self.release(newest) {
            Terminal.warning("RouterOS \(version) is newer than every command tree rosplay knows (\(Self.known)): using \(newest)")
        }
        return RouterSchema.closest(to: version)
    }

    /// The versions whose command trees rosplay has.
    static var known: String { RouterSchema.embeddedVersions.map(\.description).joined(separator: ", ") }

    /// `7.18` of `7.18.2`: a release's tree covers its other patch levels.
    static func release(_ version: RouterOSVersion) -> RouterOSVersion {
        RouterOSVersion(version.components.prefix(2).map(String.init).joined(separator: "."))!
    }
}
