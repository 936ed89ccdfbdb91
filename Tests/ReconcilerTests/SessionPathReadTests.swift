import Foundation
import MockRouter
import RouterModel
import RouterOSAPI
import Testing
@testable import Reconciler

/// Reading the session's path from an in-process MockRouter over a real API connection.
@Suite(.timeLimit(.minutes(5))) struct SessionPathReadTests {
    static let user = MockUser(name: "rosplay", password: "s3cret-pass")

    /// Runs `body` with a logged-in plain-API client of a fresh mock, and always stops it.
    func withClient(_ body: (RouterOSClient) async throws -> Void) async throws {
        let configuration = MockRouterConfiguration(apiSSLPort: nil, apiPort: 0, users: [Self.user])
        let server = try await MockRouterServer.start(configuration)
        do {
            let client = try await RouterOSClient.connect(.init(host: "127.0.0.1", port: server.apiPort!, tls: .plain,
                                                                credentials: .init(user: Self.user.name, password: Self.user.password)))
            try await body(client)
            await client.close()
            try await server.stop()
        } catch {
            try? await server.stop()
            throw error
        }
    }

    @Test func theSessionIsFoundWithItsServiceUserAndGroup() async throws {
        try await withClient { client in
            _ = try await client.execute(Command("/user/add", ["name": "rosplay", "group": "full", "password": "s3cret-pass"]))
            let path = try await SessionPath.read(from: client, user: "rosplay", service: "api")
            #expect(path.address.text == "127.0.0.1")
            #expect(path.isLoopback)
            #expect(path.group == "full")
            #expect(path.serviceEntry?.properties["port"] == "8728")
            #expect(path.warnings.isEmpty, "\(path.warnings)")
            #expect(path.live["/ip/address"]?.contains { $0.properties["address"] == "192.168.88.1/24" } == true)

            // The guard on the path read: disabling the service it came by is refused, other changes pass.
            let service = try #require(path.serviceEntry)
            let disable = Operation(kind: .set, menu: "/ip/service", id: service.id, label: "name=api",
                                    changes: [PropertyChange(name: "disabled", old: "false", new: "true", sensitive: false)],
                                    before: nil, originalBefore: nil, location: nil)
            let address = try #require(path.live["/ip/address"]?.first)
            let remove = Operation(kind: .remove, menu: "/ip/address", id: address.id, label: "", changes: [], before: nil, originalBefore: nil, location: nil)
            #expect(LockoutGuard(path: path, schema: .closest(to: RouterOSVersion("7.20.8")!)).risks(in: Plan(levels: [[disable, remove]])).map(\.operation) == [disable])
        }
    }

    @Test func anotherUsersSessionIsNotMistakenForOurs() async throws {
        try await withClient { client in
            await #expect(throws: SessionPathError.self) {
                try await SessionPath.read(from: client, user: "someone-else", service: "api")
            }
        }
    }

    @Test func theRouterFiltersRoutesToThoseHoldingTheAddress() async throws {
        try await withClient { client in
            for (destination, gateway) in [("0.0.0.0/0", "192.168.88.254"), ("198.51.100.0/24", "192.168.88.253"), ("10.0.0.0/8", "192.168.88.252")] {
                _ = try await client.execute(Command("/ip/route/add", ["dst-address": destination, "gateway": gateway]))
            }
            let rows = try await client.execute(SessionPath.routesHolding(IPText.Address("198.51.100.7")!, menu: "/ip/route")).rows
            #expect(Set(rows.compactMap { $0["dst-address"] }) == ["0.0.0.0/0", "198.51.100.0/24"])
        }
    }

    /// The in-memory fixture answering prints (queries applied), with a WAN session, recording what was asked.
    final class FixtureRouter: RouterSession, @unchecked Sendable {
        private let lock = NSLock()
        private var asked: [String] = []
        let menus: [String: [LiveEntry]]

        init(_ menus: [String: [LiveEntry]]) {
            self.menus = menus
        }

        var printed: [String] { lock.withLock { asked } }

        func execute(_ command: Command) async throws -> Response {
            let menu = String(command.path.dropLast("/print".count))
            lock.withLock { asked.append(menu) }
            let entries = menu == "/user/active"
                ? [LockoutFixture.entry("*7", ["name": "rosplay", "address": LockoutFixture.wan, "via": "api"])]
                : menus[menu] ?? []
            let query = QueryEvaluator(command.queries)
            let rows = entries.map { entry in Row([Attribute(".id", entry.id ?? "")] + entry.properties.sorted { $0.key < $1.key }.map { Attribute($0.key, $0.value) }) }
            return Response(rows: rows.filter { row in query.matches { row[$0] } }, done: .done())
        }
    }

    @Test func aRemoteSessionReadsItsFamilysFirewallAndOnlyTheRoutesHoldingIt() async throws {
        var menus = LockoutFixture.live
        menus["/ip/route"]! += [LockoutFixture.entry("*81", ["dst-address": "10.0.0.0/8", "gateway": "10.9.0.2"])]
        menus["/ipv6/firewall/filter"] = []
        let router = FixtureRouter(menus)
        let path = try await SessionPath.read(from: router, user: "rosplay", service: "api-ssl")
        #expect(path.address.text == LockoutFixture.wan)
        #expect(path.routeID == "*80")
        #expect(path.live["/ip/route"]?.map(\.id) == ["*80"])
        #expect(path.live["/ip/firewall/filter"]?.count == 6)
        #expect(Set(router.printed) == Set(SessionPath.commonMenus + ["/user/active", "/ip/route", "/ip/firewall/filter", "/ip/firewall/raw", "/ip/firewall/address-list"]))
        let remove = LockoutFixture.operation(.remove, "/ip/firewall/filter", "*F6")
        #expect(LockoutGuard(path: path, schema: .closest(to: RouterOSVersion("7.20.8")!)).risks(in: Plan(levels: [[remove]])).map(\.operation) == [remove])
    }
}
