import RouterModel
import Testing
@testable import Reconciler

/// Working out the session's path from live entries held in memory.
struct SessionPathTests {
    typealias F = LockoutFixture

    @Test func aSessionFromTheLANArrivesOnTheBridgeThroughItsAddress() throws {
        let path = try F.path(from: F.lan)
        #expect(path.localAddressID == "*70")
        #expect(path.interfaces == ["bridge"])
        #expect(path.routeID == nil)
        #expect(path.matchedPrefixLength == 24)
        #expect(path.group == "rosplay")
        #expect(path.warnings.isEmpty)
    }

    @Test func aSessionOnAVLANRidesOnItsParent() throws {
        #expect(try F.path(from: F.vlan).interfaces == ["vlan20", "bridge"])
    }

    @Test func aRemoteSessionTakesTheDefaultRouteThroughTheWANAddress() throws {
        let path = try F.path(from: F.wan)
        #expect(path.localAddressID == nil)
        #expect(path.routeID == "*80")
        #expect(path.gatewayAddressID == "*71")
        #expect(path.interfaces == ["ether1"])
        #expect(path.matchedPrefixLength == 0)
    }

    @Test func aTunnelSessionHasItsWireGuardPeer() throws {
        let path = try F.path(from: F.tunnel)
        #expect(path.wireGuardPeerID == "*60")
        #expect(path.interfaces == ["wg0"])
    }

    @Test func theLongestRouteWinsAndAnInterfaceGatewayIsTheInterface() throws {
        var live = F.live
        live["/ip/route"]! += [
            F.entry("*81", ["dst-address": "198.51.100.0/24", "gateway": "wg0"]),
            F.entry("*82", ["dst-address": "198.51.100.0/25", "gateway": "wg0", "disabled": "true"]),
        ]
        let active = [F.entry("*1", ["name": "rosplay", "address": F.wan, "via": "api"])]
        let path = try SessionPath.resolve(user: "rosplay", service: "api-ssl", activeSessions: active, live: live)
        #expect(path.routeID == "*81")
        #expect(path.interfaces == ["wg0"])
        #expect(path.matchedPrefixLength == 24)
    }

    @Test func theNewestAPISessionOfTheUserIsGuardedAndOthersAreNamed() throws {
        let active = [
            F.entry("*A", ["name": "rosplay", "address": F.wan, "via": "api"]),
            F.entry("*1F", ["name": "rosplay", "address": F.lan, "via": "api"]),
            F.entry("*20", ["name": "rosplay", "address": "192.168.88.99", "via": "winbox"]),
            F.entry("*21", ["name": "admin", "address": "192.168.88.98", "via": "api"]),
        ]
        let path = try SessionPath.resolve(user: "rosplay", service: "api-ssl", activeSessions: active, live: F.live)
        #expect(path.address.text == F.lan)
        #expect(path.warnings.contains { $0.contains(F.wan) })
    }

    @Test func noAPISessionOfTheUserIsAnError() {
        let active = [F.entry("*1", ["name": "rosplay", "address": F.lan, "via": "ssh"])]
        #expect(throws: SessionPathError.self) {
            try SessionPath.resolve(user: "rosplay", service: "api-ssl", activeSessions: active, live: F.live)
        }
    }

    @Test func aLoopbackSessionHasNoInterfacesAndNoWarnings() throws {
        let path = try F.path(from: "127.0.0.1")
        #expect(path.isLoopback)
        #expect(path.interfaces.isEmpty)
        #expect(path.warnings.isEmpty)
    }

    @Test func anUnexplainedAddressIsAWarning() throws {
        var live = F.live
        live["/ip/route"] = []
        let active = [F.entry("*1", ["name": "rosplay", "address": F.wan, "via": "api"])]
        let path = try SessionPath.resolve(user: "rosplay", service: "api-ssl", activeSessions: active, live: live)
        #expect(path.interfaces.isEmpty)
        #expect(path.warnings.contains { $0.contains("no address, route or WireGuard peer") })
    }

    @Test func theRoutePrintAsksOnlyForPrefixesHoldingTheAddress() {
        let command = SessionPath.routesHolding(IPText.Address("198.51.100.7")!, menu: "/ip/route")
        let values = command.queries.compactMap { query -> String? in
            if case .equals("dst-address", let value) = query { return value.string }
            return nil
        }
        #expect(values.count == 33)
        #expect(values.first == "0.0.0.0/0")
        #expect(values.contains("198.51.100.0/24"))
        #expect(values.last == "198.51.100.7/32")
        #expect(command.queries.last == .operations(String(repeating: "|", count: 32)))
    }
}
