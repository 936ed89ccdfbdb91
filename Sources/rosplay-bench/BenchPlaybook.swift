import Foundation

/// What an apply or drift measurement asks rosplay for, as playbook text for N entries.
enum BenchPlaybook {
    /// `/ip/firewall/address-list` list `bench` holding ``AddressListEntries/address(_:)`` 0..<N:
    /// independent entries, one wave however many.
    case addressList
    /// N firewall rules of chain `input`, each placed before RB5009's defconf rule that drops what
    /// does not come from the LAN: an ordered menu, every rule placed before the same anchor.
    case rulesBeforeAnchor

    /// The entries, for a group's title.
    var what: String {
        switch self {
        case .addressList: "N address-list entries"
        case .rulesBeforeAnchor: "N firewall rules placed before one defconf rule"
        }
    }

    func yaml(_ count: Int) -> String {
        var yaml: String
        switch self {
        case .addressList:
            yaml = "menus:\n  /ip/firewall/address-list:\n"
            yaml.reserveCapacity(count * 48)
            for i in 0..<count { yaml += "    - { list: bench, address: \(AddressListEntries.address(i)) }\n" }
        case .rulesBeforeAnchor:
            yaml = "menus:\n  /ip/firewall/filter:\n"
            yaml.reserveCapacity(count * 150)
            for i in 0..<count {
                yaml += "    - { chain: input, action: accept, src-address: \(AddressListEntries.address(i)), comment: \"bench \(i)\", "
                    + "_place-before: { comment: \"defconf: drop all not coming from LAN\" } }\n"
            }
        }
        return yaml
    }

    /// The playbook of `count` entries in a temporary file, for a `rosplay` process; removed by `body`'s end.
    func withFile<T>(_ count: Int, _ body: (String) async throws -> T) async throws -> T {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rosplay-bench-\(getpid())-\(count).yaml").path
        try yaml(count).write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try await body(path)
    }
}
