import MockRouter
import RouterOSAPI
import Testing

/// `listen` and `print follow`: each listener sees a change as its own print would show it.
@Suite(.timeLimit(.minutes(5))) struct StreamingTests {
    static let privateKey = "YGzsr5zuc0QAAYbnNkE2EPD3SYLkxnkcHYj6kMiYjF8="

    /// Starts `command` and returns once the router has registered it (a later command's reply proves it).
    func follow(_ client: RouterOSClient, _ command: Command) async throws -> ReplyStream {
        let stream = client.stream(command)
        _ = try await client.execute(Command("/system/identity/print"))
        return stream
    }

    @Test func listenersSeeSecretsAsTheirOwnGroupDoes() async throws {
        let writer = MockUser(name: "operator", password: "pw", group: .write)
        try await withRouter(users: [TestRouter.user, writer]) { router in
            let admin = try await router.loggedIn()
            let limited = try await router.loggedIn(writer)
            let adminStream = try await follow(admin, Command("/interface/wireguard/listen"))
            let limitedStream = try await follow(limited, Command("/interface/wireguard/listen"))
            var adminRows = adminStream.makeAsyncIterator()
            var limitedRows = limitedStream.makeAsyncIterator()

            // A full user's change: the write-group listener never sees the key.
            _ = try await admin.execute(Command("/interface/wireguard/add", ["name": "wg0", "private-key": Self.privateKey]))
            #expect(try await adminRows.next()?["private-key"] == Self.privateKey)
            let masked = try #require(try await limitedRows.next())
            #expect(masked["private-key"] == "*****")
            #expect(masked["public-key"] == WireGuardKey.publicKey(forPrivateKey: Self.privateKey))

            // A write-group user's change: the full listener still sees it.
            _ = try await limited.execute(Command("/interface/wireguard/set", ["numbers": "wg0", "comment": "x"]))
            #expect(try await adminRows.next()?["private-key"] == Self.privateKey)
            #expect(try await limitedRows.next()?["private-key"] == "*****")
            try await adminStream.cancel()
            try await limitedStream.cancel()
        }
    }

    @Test func printFollowStreamsOnlyWhatItsQueriesSelectWithItsProplist() async throws {
        try await withRouter { router in
            let client = try await router.loggedIn()
            _ = try await client.execute(Command("/ip/firewall/address-list/add", ["list": "x", "address": "192.0.2.1"]))
            let addresses = try await follow(client, Command(
                "/ip/firewall/address-list/print", ["follow": "", ".proplist": "address"], queries: [.equals("list", "x")]))
            let withIDs = try await follow(client, Command(
                "/ip/firewall/address-list/print", ["follow-only": "", ".proplist": ".id,address"], queries: [.equals("list", "x")]))
            _ = try await client.execute(Command("/ip/firewall/address-list/add", ["list": "y", "address": "192.0.2.2"]))
            let id = try #require(try await client.execute(Command("/ip/firewall/address-list/add", ["list": "x", "address": "192.0.2.3"])).ret)
            _ = try await client.execute(Command("/ip/firewall/address-list/remove", [".id": id]))

            var rows = addresses.makeAsyncIterator()
            #expect(try await rows.next()?.attributes == [Attribute("address", "192.0.2.1")])  // the print itself
            #expect(try await rows.next()?.attributes == [Attribute("address", "192.0.2.3")])
            var rowsWithIDs = withIDs.makeAsyncIterator()
            #expect(try await rowsWithIDs.next()?.attributes == [Attribute(".id", id), Attribute("address", "192.0.2.3")])
            #expect(try await rowsWithIDs.next()?.attributes == [Attribute(".id", id), Attribute(".dead", "true")])
            try await addresses.cancel()
            try await withIDs.cancel()
        }
    }

    @Test func interfaceListenSeesEveryInterfaceType() async throws {
        try await withRouter { router in
            let client = try await router.loggedIn()
            let stream = try await follow(client, Command("/interface/listen"))
            let id = try #require(try await client.execute(Command("/interface/wireguard/add", ["name": "wg0"])).ret)
            var rows = stream.makeAsyncIterator()
            let row = try #require(try await rows.next())
            #expect(row[".id"] == id)
            #expect(row["name"] == "wg0")
            #expect(row["type"] == "wg")
            #expect(row["private-key"] == nil)  // the /interface view, not the wireguard menu's
            try await stream.cancel()
        }
    }
}
