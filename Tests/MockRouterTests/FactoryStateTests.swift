import MockRouter
import RouterOSAPI
import Testing

/// The RB5009 and CHR factory states, and reset-configuration, through the API.
@Suite(.timeLimit(.minutes(5))) struct FactoryStateTests {
    func rows(_ client: RouterOSClient, _ menu: String, _ queries: [QueryWord] = []) async throws -> [Row] {
        try await client.execute(Command(menu + "/print", queries: queries)).rows
    }

    @Test func rb5009HasItsPortsBridgeAndLists() async throws {
        try await withRouter { router in
            let client = try await router.loggedIn()
            let interfaces = try await rows(client, "/interface")
            let ethernet = interfaces.filter { $0["type"] == "ether" }.compactMap { $0["name"] }
            #expect(ethernet == (1...8).map { "ether\($0)" } + ["sfp-sfpplus1"])
            #expect(interfaces.contains { $0["name"] == "bridge" && $0["type"] == "bridge" })
            let ports = try await rows(client, "/interface/bridge/port").compactMap { $0["interface"] }
            #expect(ports == (2...8).map { "ether\($0)" } + ["sfp-sfpplus1"])
            let lists = try await rows(client, "/interface/list").compactMap { $0["name"] }
            #expect(lists.contains("WAN") && lists.contains("LAN"))
            let members = try await rows(client, "/interface/list/member").map { "\($0["list"]!)=\($0["interface"]!)" }
            #expect(Set(members) == ["WAN=ether1", "LAN=bridge"])
            let address = try #require(try await rows(client, "/ip/address").first)
            #expect(address["address"] == "192.168.88.1/24")
            #expect(address["network"] == "192.168.88.0")
            #expect(address["interface"] == "bridge")
        }
    }

    @Test func rb5009ResourceAndIdentity() async throws {
        try await withRouter { router in
            let client = try await router.loggedIn()
            let resource = try #require(try await rows(client, "/system/resource").first)
            #expect(resource["board-name"] == "RB5009UG+S+")
            #expect(resource["architecture-name"] == "arm64")
            #expect(resource["version"] == "7.20.8 (stable)")
            #expect(resource[".id"] == nil)
            let identity = try #require(try await rows(client, "/system/identity").first)
            #expect(identity["name"] == "MikroTik")
        }
    }

    @Test func ipv6DefconfFirewallInOrderWithSharedComment() async throws {
        try await withRouter { router in
            let client = try await router.loggedIn()
            let rules = try await rows(client, "/ipv6/firewall/filter")
            let input = rules.filter { $0["chain"] == "input" }.compactMap { $0["comment"] }
            #expect(input.first == "defconf: accept established,related,untracked")
            #expect(input.last == "defconf: drop everything else not coming from LAN")
            #expect(input.count == 10)
            let forward = rules.filter { $0["chain"] == "forward" }.compactMap { $0["comment"] }
            #expect(forward.first == "defconf: fasttrack6")
            #expect(forward.last == "defconf: drop everything else not coming from LAN")
            let drop = try #require(rules.last)
            #expect(drop["in-interface-list"] == "!LAN")
            let badList = try await rows(client, "/ipv6/firewall/address-list", [.equals("list", "bad_ipv6")])
            #expect(badList.count == 9)
            #expect(badList.contains { $0["address"] == "::ffff:0.0.0.0/96" && $0["comment"] == "defconf: ipv4-mapped" })
            #expect(badList.contains { $0["comment"] == "defconf: discard only " })
        }
    }

    @Test func builtInEntriesExistAndCannotBeRemoved() async throws {
        try await withRouter { router in
            let client = try await router.loggedIn()
            let nd = try #require(try await rows(client, "/ipv6/nd", [.equals("interface", "all")]).first)
            #expect(nd["default"] == "true")
            let template = try #require(try await rows(client, "/routing/bgp/template", [.equals("name", "default")]).first)
            for (menu, id) in [("/ipv6/nd", nd[".id"]!), ("/routing/bgp/template", template[".id"]!)] {
                let message = await trapMessage { _ = try await client.execute(Command(menu + "/remove", [".id": id])) }
                #expect(message == "failure: cannot remove dynamic, builtin or default entry", "\(menu)")
            }
            // A board's port is not removable either: /interface/ethernet has no remove at all.
            let message = await trapMessage { _ = try await client.execute(Command("/interface/ethernet/remove", ["numbers": "ether1"])) }
            #expect(message == "no such command")
        }
    }

    @Test func chrBoardIsBare() async throws {
        let router = try await TestRouter.start(board: .chr)
        let client = try await router.loggedIn()
        let interfaces = try await rows(client, "/interface").compactMap { $0["name"] }
        #expect(interfaces == ["ether1"])
        #expect(try await rows(client, "/ip/firewall/filter").isEmpty)
        #expect(try await rows(client, "/ip/dhcp-client").map { $0["interface"] } == ["ether1"])
        #expect(try await rows(client, "/system/resource").first?["board-name"] == "CHR")
        try await router.stop()
    }

    @Test func resetDropsSessionsRefusesDuringRebootAndRestoresDefconf() async throws {
        // A reboot long enough that a loaded machine still connects during it (2 s was not).
        try await withRouter(faults: FaultInjection(rebootDelay: .seconds(8))) { router in
            let client = try await router.loggedIn()
            let before = try await rows(client, "/ip/firewall/filter").count
            _ = try await client.execute(Command("/ip/firewall/address-list/add", ["list": "mine", "address": "192.0.2.1"]))
            _ = try await client.execute(Command("/system/identity/set", ["name": "changed"]))
            _ = try await client.execute(Command("/system/reset-configuration", ["skip-backup": "yes"]))
            #expect(await eventually { !client.isConnected })
            // While it "reboots", sessions are closed at once.
            await #expect(throws: (any Error).self) {
                let early = try await router.connectPlain()
                try await early.login(user: TestRouter.user.name, password: TestRouter.user.password)
            }
            let again = try #require(await eventually(within: .seconds(30)) { (try? await router.loggedIn()) != nil } ? try await router.loggedIn() : nil)
            #expect(try await rows(again, "/ip/firewall/address-list").isEmpty)
            #expect(try await rows(again, "/system/identity").first?["name"] == "MikroTik")
            #expect(try await rows(again, "/ip/firewall/filter").count == before)
        }
    }

    @Test func resetRefusesAValueThatIsNeitherYesNorNo() async throws {
        try await withRouter { router in
            let client = try await router.loggedIn()
            let message = await trapMessage { _ = try await client.execute(Command("/system/reset-configuration", ["no-defaults": "maybe"])) }
            #expect(message == "input does not match any value of no-defaults")
            // Nothing was reset: the session is still there.
            #expect(try await rows(client, "/system/identity").count == 1)
        }
    }

    @Test func resetWithNoDefaultsLeavesOnlyTheBoard() async throws {
        try await withRouter(faults: FaultInjection(rebootDelay: .milliseconds(50))) { router in
            let client = try await router.loggedIn()
            _ = try await client.execute(Command("/system/reset-configuration", ["no-defaults": "yes"]))
            #expect(await eventually { !client.isConnected })
            let again = try #require(await eventually { (try? await router.loggedIn()) != nil } ? try await router.loggedIn() : nil)
            #expect(try await rows(again, "/ip/firewall/filter").isEmpty)
            #expect(try await rows(again, "/interface/bridge").isEmpty)
            #expect(try await rows(again, "/interface").count == 9)
        }
    }
}
