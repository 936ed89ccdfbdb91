import RouterOSAPI

/// The address-list entries the measurements work with: list `bench`, the i-th address 10.x.y.z
/// counting from 10.0.0.0, as add commands (``BenchPlaybook/addressList`` holds them as a playbook).
enum AddressListEntries {
    static func address(_ i: Int) -> String {
        "10.\(i / 65536 % 256).\(i / 256 % 256).\(i % 256)"
    }

    static func add(_ i: Int) -> Command {
        Command("/ip/firewall/address-list/add", ["list": "bench", "address": address(i)])
    }

    /// Adds the first `count` entries through `client`, all sent before the replies are awaited:
    /// the router is then in sync with ``BenchPlaybook/addressList``.
    static func add(_ count: Int, through client: RouterOSClient) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for i in 0..<count { group.addTask { _ = try await client.execute(add(i)) } }
            try await group.waitForAll()
        }
    }
}
