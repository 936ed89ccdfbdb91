/// An API user of the mock, with the group that decides what it may do.
public struct MockUser: Hashable, Sendable {
    /// The built-in RouterOS groups.
    public enum Group: String, Hashable, Sendable, CaseIterable {
        /// Every policy, `sensitive` included.
        case full
        /// `write` without `sensitive`: secrets print masked.
        case write
        /// Read only, secrets masked.
        case read

        var mayWrite: Bool { self != .read }
        var seesSensitive: Bool { self == .full }
    }

    public var name: String
    public var password: String
    public var group: Group

    public init(name: String, password: String, group: Group = .full) {
        self.name = name
        self.password = password
        self.group = group
    }

    /// Parses `NAME:PASSWORD` or `NAME:PASSWORD:GROUP` as given to `--user`.
    public init?(argument: String) {
        let parts = argument.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 2, !parts[0].isEmpty else { return nil }
        let group = parts.count == 3 ? Group(rawValue: parts[2]) : .full
        guard let group else { return nil }
        self.init(name: parts[0], password: parts[1], group: group)
    }
}
