/// A RouterOS version such as `7.20.8`, compared number by number.
///
/// Parses what `/system/resource` prints too: `7.20.8 (stable)` is `7.20.8`.
public struct RouterOSVersion: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let components: [Int]

    public init?(_ text: String) {
        let number = text.split(separator: " ").first.map(String.init) ?? ""
        let parts = number.split(separator: ".").map { Int($0) }
        guard !parts.isEmpty, parts.count <= 4, parts.allSatisfy({ $0 != nil }) else { return nil }
        components = parts.map { $0! }
    }

    public static func < (lhs: RouterOSVersion, rhs: RouterOSVersion) -> Bool {
        for index in 0..<max(lhs.components.count, rhs.components.count) {
            let a = index < lhs.components.count ? lhs.components[index] : 0
            let b = index < rhs.components.count ? rhs.components[index] : 0
            if a != b { return a < b }
        }
        return false
    }

    public var description: String {
        components.map(String.init).joined(separator: ".")
    }
}
