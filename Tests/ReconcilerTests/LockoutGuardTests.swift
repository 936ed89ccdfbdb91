import RouterModel
import Testing
@testable import Reconciler

/// The guard on plans held in memory: each refusal, and plans that must pass.
struct LockoutGuardTests {
    typealias F = LockoutFixture
    static let filter = "/ip/firewall/filter"

    /// The single risk of a plan, asserting there is exactly one and of `certainty`.
    func only(_ risks: [LockoutRisk], _ certainty: LockoutRisk.Certainty = .cuts, sourceLocation: SourceLocation = #_sourceLocation) -> LockoutRisk? {
        #expect(risks.count == 1, "\(risks)", sourceLocation: sourceLocation)
        #expect(risks.first?.certainty == certainty, "\(risks)", sourceLocation: sourceLocation)
        return risks.first
    }

    // MARK: - Address, route, interfaces, peer

    @Test func removingOrDisablingOrRenumberingTheSessionsAddressIsRefused() throws {
        let remove = only(try F.risks(from: F.lan, F.operation(.remove, "/ip/address", "*70", label: "address=192.168.88.1/24 interface=bridge")))
        #expect(remove?.description.contains("remove /ip/address address=192.168.88.1/24") == true)
        #expect(remove?.reason.contains("192.168.88.10") == true)
        _ = only(try F.risks(from: F.lan, F.operation(.set, "/ip/address", "*70", ["disabled": "true"])))
        _ = only(try F.risks(from: F.lan, F.operation(.set, "/ip/address", "*70", ["address": "192.168.77.1/24"])))
        _ = only(try F.risks(from: F.lan, F.operation(.set, "/ip/address", "*70", ["interface": "ether2"])))
    }

    @Test func changesThatKeepTheSessionsAddressPass() throws {
        #expect(try F.risks(from: F.lan, F.operation(.set, "/ip/address", "*70", ["comment": "LAN"])).isEmpty)
        #expect(try F.risks(from: F.lan, F.operation(.set, "/ip/address", "*70", ["address": "192.168.88.1/16"])).isEmpty)
        #expect(try F.risks(from: F.lan, F.operation(.remove, "/ip/address", "*71"), F.operation(.remove, "/ip/route", "*80")).isEmpty)
    }

    @Test func theRouteAndTheAddressItsGatewaySitsOnAreGuarded() throws {
        _ = only(try F.risks(from: F.wan, F.operation(.remove, "/ip/route", "*80")))
        _ = only(try F.risks(from: F.wan, F.operation(.set, "/ip/route", "*80", ["gateway": "10.9.0.2"])))
        _ = only(try F.risks(from: F.wan, F.operation(.set, "/ip/route", "*80", ["disabled": "true"])))
        _ = only(try F.risks(from: F.wan, F.operation(.remove, "/ip/address", "*71")))
        #expect(try F.risks(from: F.wan, F.operation(.set, "/ip/route", "*80", ["comment": "uplink"])).isEmpty)
    }

    @Test func aMoreSpecificRouteElsewhereTakesTheSessionsReplies() throws {
        let add = F.operation(.add, "/ip/route", nil, ["dst-address": "198.51.100.0/24", "gateway": "10.9.0.2"])
        _ = only(try F.risks(from: F.wan, add))
        // A host route beats a connected network too.
        _ = only(try F.risks(from: F.lan, F.operation(.add, "/ip/route", nil, ["dst-address": "192.168.88.10/32", "gateway": "10.9.0.2"])))
        // So does a local network: its connected route.
        _ = only(try F.risks(from: F.wan, F.operation(.add, "/ip/address", nil, ["address": "198.51.100.1/24", "interface": "ether2"])))
        #expect(try F.risks(from: F.wan, F.operation(.add, "/ip/address", nil, ["address": "192.0.2.1/24", "interface": "ether2"])).isEmpty)
        // Elsewhere, disabled, or in another table: no effect on the session.
        #expect(try F.risks(from: F.wan, F.operation(.add, "/ip/route", nil, ["dst-address": "10.0.0.0/8", "gateway": "10.9.0.2"])).isEmpty)
        #expect(try F.risks(from: F.wan, F.operation(.add, "/ip/route", nil, ["dst-address": "198.51.100.0/24", "gateway": "10.9.0.2", "disabled": "true"])).isEmpty)
        #expect(try F.risks(from: F.wan, F.operation(.add, "/ip/route", nil, ["dst-address": "198.51.100.0/24", "gateway": "10.9.0.2", "routing-table": "vpn"])).isEmpty)
    }

    @Test func theInterfacesTheSessionArrivesAndRidesOnAreGuarded() throws {
        _ = only(try F.risks(from: F.lan, F.operation(.set, "/interface/bridge", "*B", label: "name=bridge", ["disabled": "true"])))
        let rides = only(try F.risks(from: F.vlan, F.operation(.remove, "/interface/bridge", "*B", label: "name=bridge")))
        #expect(rides?.reason.contains("rides on bridge") == true)
        _ = only(try F.risks(from: F.vlan, F.operation(.set, "/interface/vlan", "*D", label: "name=vlan20", ["vlan-id": "30"])))
        _ = only(try F.risks(from: F.tunnel, F.operation(.set, "/interface/wireguard", "*C", label: "name=wg0", ["private-key": "bmV3"])))
        #expect(try F.risks(from: F.lan, F.operation(.set, "/interface/ethernet", "*1", label: "name=ether1", ["disabled": "true"])).isEmpty)
    }

    @Test func makingTheArrivalInterfaceABridgePortIsRefused() throws {
        _ = only(try F.risks(from: F.wan, F.operation(.add, "/interface/bridge/port", nil, ["bridge": "bridge", "interface": "ether1"])))
        // Removing a port of the bridge the session arrives on: which port it comes through is not known.
        _ = only(try F.risks(from: F.lan, F.operation(.remove, "/interface/bridge/port", "*30")), .cannotTell)
        #expect(try F.risks(from: F.wan, F.operation(.remove, "/interface/bridge/port", "*30")).isEmpty)
    }

    @Test func theWireGuardPeerIsGuarded() throws {
        _ = only(try F.risks(from: F.tunnel, F.operation(.remove, "/interface/wireguard/peers", "*60")))
        _ = only(try F.risks(from: F.tunnel, F.operation(.set, "/interface/wireguard/peers", "*60", ["disabled": "true"])))
        _ = only(try F.risks(from: F.tunnel, F.operation(.set, "/interface/wireguard/peers", "*60", ["allowed-address": "10.9.0.3/32"])))
        _ = only(try F.risks(from: F.tunnel, F.operation(.set, "/interface/wireguard/peers", "*60", ["public-key": "b3RoZXI="])))
        #expect(try F.risks(from: F.tunnel, F.operation(.set, "/interface/wireguard/peers", "*60", ["allowed-address": "10.9.0.0/24"])).isEmpty)
        #expect(try F.risks(from: F.tunnel, F.operation(.set, "/interface/wireguard/peers", "*60", ["comment": "office"])).isEmpty)
    }

    // MARK: - Firewall

    @Test func aDropAheadOfTheAcceptingRuleIsRefused() throws {
        let drop = F.operation(.add, Self.filter, nil, ["chain": "input", "action": "drop", "src-address": "198.51.100.0/24"], before: "*F6")
        let risk = only(try F.risks(from: F.wan, drop))
        #expect(risk?.reason.contains("new connection") == true)
        // The same rule placed after the accept, or in another chain, passes.
        #expect(try F.risks(from: F.wan, F.operation(.add, Self.filter, nil, ["chain": "input", "action": "drop", "src-address": "198.51.100.0/24"], before: "*F5")).isEmpty)
        #expect(try F.risks(from: F.wan, F.operation(.add, Self.filter, nil, ["chain": "forward", "action": "drop"], before: "*F1")).isEmpty)
    }

    @Test func anAcceptPlacedBeforeTheDropLetsThePlanPass() throws {
        let accept = F.operation(.add, Self.filter, nil, ["chain": "input", "action": "accept", "protocol": "tcp", "dst-port": "8728-8729", "src-address": "198.51.100.7"], before: "*F1")
        let drop = F.operation(.add, Self.filter, nil, ["chain": "input", "action": "reject", "src-address": "198.51.100.0/24"], before: "*F1")
        #expect(try F.risks(from: F.wan, accept, drop).isEmpty)
    }

    @Test func aDropForAnotherPortOrProtocolPasses() throws {
        let ssh = F.operation(.add, Self.filter, nil, ["chain": "input", "action": "drop", "protocol": "tcp", "dst-port": "22"], before: "*F1")
        let udp = F.operation(.add, Self.filter, nil, ["chain": "input", "action": "drop", "protocol": "udp"], before: "*F1")
        #expect(try F.risks(from: F.wan, ssh, udp).isEmpty)
        let api = F.operation(.add, Self.filter, nil, ["chain": "input", "action": "drop", "protocol": "tcp", "dst-port": "8729"], before: "*F1")
        #expect(try F.risks(from: F.wan, api).count == 2) // the next connection and the open one
    }

    @Test func removingTheAcceptOrEmptyingItsListIsRefused() throws {
        let removeAccept = only(try F.risks(from: F.wan, F.operation(.remove, Self.filter, "*F6")))
        #expect(removeAccept?.reason.contains("defconf: drop all not coming from LAN") == true)
        _ = only(try F.risks(from: F.wan, F.operation(.set, Self.filter, "*F6", ["disabled": "true"])))
        _ = only(try F.risks(from: F.wan, F.operation(.move, Self.filter, "*F5", before: "*F6")))
        let emptied = F.operation(.remove, "/ip/firewall/address-list", "*C0")
        let forward = F.operation(.add, Self.filter, nil, ["chain": "forward", "action": "accept"], before: "*F1")
        #expect(try F.risks(from: F.wan, forward, emptied).map(\.operation) == [emptied])
        // Taking the bridge out of LAN makes the defconf drop catch LAN sessions.
        _ = only(try F.risks(from: F.lan, F.operation(.remove, "/interface/list/member", "*50")))
    }

    @Test func enablingADisabledDropIsRefused() throws {
        var path = try F.path(from: F.wan)
        path.live[Self.filter]!.insert(F.entry("*F0", ["chain": "input", "action": "drop", "disabled": "true"]), at: 0)
        let enable = F.operation(.set, Self.filter, "*F0", ["disabled": "false"])
        #expect(LockoutGuard(path: path, schema: .closest(to: RouterOSVersion("7.20.8")!)).risks(in: Plan(levels: [[enable]])).count == 2)
    }

    @Test func whatTheGuardCannotDecideIsARiskNotAPass() throws {
        let names = F.operation(.add, "/ip/firewall/address-list", nil, ["list": "blocked", "address": "evil.example.net"])
        let drop = F.operation(.add, Self.filter, nil, ["chain": "input", "action": "drop", "src-address-list": "blocked", "connection-state": "new"], before: "*F1")
        let risks = try F.risks(from: F.wan, names, drop)
        #expect(!risks.isEmpty)
        #expect(risks.allSatisfy { $0.certainty == .cannotTell && $0.operation == drop })
        let byDestination = F.operation(.add, Self.filter, nil, ["chain": "input", "action": "drop", "dst-address": "203.0.113.2", "connection-state": "new"], before: "*F1")
        _ = only(try F.risks(from: F.wan, byDestination), .cannotTell)
    }

    @Test func aJumpIntoAChainThatDropsIsFollowed() throws {
        let jump = F.operation(.add, Self.filter, nil, ["chain": "input", "action": "jump", "jump-target": "mgmt-check"], before: "*F1")
        let drop = F.operation(.add, Self.filter, nil, ["chain": "mgmt-check", "action": "drop", "in-interface": "ether1"])
        #expect(!(try F.risks(from: F.wan, jump, drop)).isEmpty)
        let harmless = F.operation(.add, Self.filter, nil, ["chain": "mgmt-check", "action": "drop", "in-interface": "ether2"])
        #expect(try F.risks(from: F.wan, jump, harmless).isEmpty)
    }

    // MARK: - Service, user, group

    @Test func theServiceIsGuarded() throws {
        _ = only(try F.risks(from: F.wan, F.operation(.set, "/ip/service", "*91", label: "name=api-ssl", ["disabled": "true"])))
        _ = only(try F.risks(from: F.wan, F.operation(.set, "/ip/service", "*91", ["port": "9729"])))
        _ = only(try F.risks(from: F.wan, F.operation(.set, "/ip/service", "*91", ["address": "10.0.0.0/8"])))
        _ = only(try F.risks(from: F.wan, F.operation(.set, "/ip/service", "*91", ["available-from": "192.168.88.0/24"])))
        _ = only(try F.risks(from: F.wan, F.operation(.set, "/ip/service", "*91", ["certificate": "none"])))
        _ = only(try F.risks(from: F.wan, F.operation(.set, "/ip/service", "*91", ["certificate": "api2"])), .cannotTell)
        _ = only(try F.risks(from: F.wan, F.operation(.remove, "/certificate", "*E0", label: "name=api")))
    }

    @Test func serviceChangesThatKeepTheSessionPass() throws {
        #expect(try F.risks(from: F.wan, F.operation(.set, "/ip/service", "*91", ["address": "10.0.0.0/8,198.51.100.0/24"])).isEmpty)
        #expect(try F.risks(from: F.wan, F.operation(.set, "/ip/service", "*91", ["available-from": ""])).isEmpty)
        #expect(try F.risks(from: F.wan, F.operation(.set, "/ip/service", "*91", ["tls-version": "only-1.2"])).isEmpty)
        // Another service: the session came by api-ssl.
        #expect(try F.risks(from: F.wan, F.operation(.set, "/ip/service", "*90", ["disabled": "true"])).isEmpty)
        // The plain API session is guarded on api instead.
        _ = only(try F.risks(from: F.wan, service: "api", F.operation(.set, "/ip/service", "*90", ["disabled": "true"])))
    }

    @Test func theUserAndItsGroupAreGuarded() throws {
        _ = only(try F.risks(from: F.lan, F.operation(.remove, "/user", "*A0", label: "name=rosplay")))
        _ = only(try F.risks(from: F.lan, F.operation(.set, "/user", "*A0", ["disabled": "true"])))
        _ = only(try F.risks(from: F.lan, F.operation(.set, "/user", "*A0", ["group": "read"])))
        _ = only(try F.risks(from: F.lan, F.operation(.set, "/user", "*A0", ["group": "operators"])), .cannotTell)
        _ = only(try F.risks(from: F.lan, F.operation(.set, "/user", "*A0", ["address": "10.0.0.0/8"])))
        _ = only(try F.risks(from: F.lan, F.operation(.set, "/user/group", "*B0", ["policy": "read,write,sensitive,!api"])))
        _ = only(try F.risks(from: F.lan, F.operation(.remove, "/user/group", "*B0")))
    }

    /// A RADIUS login has no `/user` entry: `/user/active` names its group; where nothing does,
    /// any group losing api, read or write may be the session's, so it counts as a risk.
    @Test func theGroupOfAUserWithoutAnEntryIsGuardedToo() throws {
        func risks(activeGroup: String?, _ operation: Operation) throws -> [LockoutRisk] {
            var row: [String: String] = ["name": "radius-op", "address": F.lan, "via": "api", "when": "2026-12-02 11:59:00"]
            row["group"] = activeGroup
            let path = try SessionPath.resolve(user: "radius-op", service: "api-ssl", activeSessions: [LiveEntry(id: "*5", properties: row)], live: F.live)
            return LockoutGuard(path: path, schema: .closest(to: RouterOSVersion("7.20.8")!)).risks(in: Plan(levels: [[operation]]))
        }
        let strip = F.operation(.set, "/user/group", "*B0", ["policy": "read,write,!api"])
        #expect(try risks(activeGroup: "rosplay", strip).first?.certainty == .cuts)
        #expect(try risks(activeGroup: "full", strip).isEmpty)
        _ = only(try risks(activeGroup: nil, strip), .cannotTell)
        _ = only(try risks(activeGroup: nil, F.operation(.remove, "/user/group", "*B0")), .cannotTell)
        #expect(try risks(activeGroup: nil, F.operation(.set, "/user/group", "*B0", ["policy": "read,write,api,ftp"])).isEmpty)
    }

    /// The raw table's prerouting sees the session's packets before the filter does.
    @Test func aRawPreroutingDropOfTheSessionIsRefused() throws {
        let raw = "/ip/firewall/raw"
        let drop = F.operation(.add, raw, nil, ["chain": "prerouting", "action": "drop", "src-address": "198.51.100.0/24"])
        let risk = only(try F.risks(from: F.wan, drop))
        #expect(risk?.reason.contains("chain prerouting of /ip/firewall/raw") == true, "\(String(describing: risk))")
        // Another source, or the output chain, passes; notrack goes on to the next rule.
        #expect(try F.risks(from: F.wan, F.operation(.add, raw, nil, ["chain": "prerouting", "action": "drop", "src-address": "203.0.113.0/24"])).isEmpty)
        #expect(try F.risks(from: F.wan, F.operation(.add, raw, nil, ["chain": "output", "action": "drop"])).isEmpty)
        #expect(try F.risks(from: F.wan, F.operation(.add, raw, nil, ["chain": "prerouting", "action": "notrack", "src-address": "198.51.100.0/24"])).isEmpty)
    }

    @Test func userChangesThatKeepAccessPass() throws {
        #expect(try F.risks(from: F.lan, F.operation(.set, "/user", "*A0", ["group": "full"])).isEmpty)
        #expect(try F.risks(from: F.lan, F.operation(.set, "/user/group", "*B0", ["policy": "read,write,api,ftp"])).isEmpty)
        #expect(try F.risks(from: F.lan, F.operation(.remove, "/user", "*A1", label: "name=admin")).isEmpty)
        // Moving to a group the same plan gives api, read and write.
        let group = F.operation(.add, "/user/group", nil, ["name": "ops", "policy": "read,write,api"])
        #expect(try F.risks(from: F.lan, group, F.operation(.set, "/user", "*A0", ["group": "ops"])).isEmpty)
    }

    @Test func aLoopbackSessionIsCutOnlyThroughServiceOrUser() throws {
        #expect(try F.risks(from: "127.0.0.1", F.operation(.remove, "/ip/address", "*70"), F.operation(.remove, Self.filter, "*F6")).isEmpty)
        _ = only(try F.risks(from: "127.0.0.1", F.operation(.set, "/ip/service", "*91", ["disabled": "true"])))
    }

    @Test func aPlanElsewherePasses() throws {
        let plan = [
            F.operation(.add, "/ip/dns/static", nil, ["name": "router.lan", "address": "192.168.88.1"]),
            F.operation(.set, "/interface/ethernet", "*2", label: "name=ether2", ["comment": "desk"]),
            F.operation(.add, Self.filter, nil, ["chain": "input", "action": "accept", "protocol": "udp", "dst-port": "51820"], before: "*F5"),
        ]
        for address in [F.lan, F.wan, F.vlan, F.tunnel] {
            #expect(LockoutGuard(path: try F.path(from: address), schema: .closest(to: RouterOSVersion("7.20.8")!)).risks(in: Plan(levels: [plan])).isEmpty, "from \(address)")
        }
    }

    @Test func anIPv6SessionIsGuardedOnTheIPv6Menus() throws {
        var live = F.live
        live["/ipv6/address"] = [F.entry("*E1", ["address": "2001:db8:1::1/64", "interface": "bridge"])]
        live["/ipv6/firewall/filter"] = [F.entry("*E2", ["chain": "input", "action": "accept", "connection-state": "established,related,untracked"])]
        live["/ipv6/firewall/address-list"] = []
        let active = [F.entry("*9", ["name": "rosplay", "address": "2001:db8:1::5", "via": "api"])]
        let path = try SessionPath.resolve(user: "rosplay", service: "api-ssl", activeSessions: active, live: live)
        #expect(path.menus.filter == "/ipv6/firewall/filter")
        #expect(path.interfaces == ["bridge"])
        let gate = LockoutGuard(path: path, schema: .closest(to: RouterOSVersion("7.20.8")!))
        let removeV6 = F.operation(.remove, "/ipv6/address", "*E1")
        let dropV6 = F.operation(.add, "/ipv6/firewall/filter", nil, ["chain": "input", "action": "drop", "src-address": "2001:db8:1::/48"])
        #expect(gate.risks(in: Plan(levels: [[removeV6, dropV6]])).map(\.operation) == [removeV6, dropV6])
        // The IPv4 side of the router is not on this session's path.
        let v4 = [F.operation(.remove, "/ip/address", "*70"), F.operation(.add, Self.filter, nil, ["chain": "input", "action": "drop"], before: "*F1")]
        #expect(gate.risks(in: Plan(levels: [v4])).isEmpty)
    }
}
