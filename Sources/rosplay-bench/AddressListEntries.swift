import Foundation
import RouterOSAPI

/// The entries every apply and drift measurement works with: `/ip/firewall/address-list` list
/// `bench`, the i-th address 10.x.y.z counting from 10.0.0.0, as a playbook and as add commands.
enum AddressListEntries {
    static func address(_ i: Int) -> String {
        "10.\(i / 65536 % 256).\(i / 256 % 256).\(i % 256)"
    }

    static func add(_ i: Int) -> Command {
        Command("/ip/firewall/address-list/add", ["list": "bench", "address": address(i)])
    }

    static func playbook(_ count: Int) -> String {
        var yaml = "menus:\n  /ip/firewall/address-list:\n"
        yaml.reserveCapacity(count * 48)
        for i in 0..<count { yaml += "    - { list: bench, address: \(address(i)) }\n" }
        return yaml
    }

    /// The playbook in a temporary file, for a `rosplay` process; removed by `body`'s end.
    static func withPlaybookFile<T>(_ count: Int, _ body: (String) async throws -> T) async throws -> T {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rosplay-bench-\(getpid())-\(count).yaml").path
        try playbook(count).write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try await body(path)
    }

    /// Adds the first `count` entries through `client`, all sent before the replies are awaited:
    /// the router is then in sync with ``playbook(_:)``.
    static func add(_ count: Int, through client: RouterOSClient) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for i in 0..<count { group.addTask { _ = try await client.execute(add(i)) } }
            try await group.waitForAll()
        }
    }
}
