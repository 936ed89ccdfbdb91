import MockRouter
import RouterOSAPI
import Testing

/// Values, versions, references, duplicates, read-only and secret properties, as RouterOS treats them.
@Suite(.timeLimit(.minutes(5))) struct MenuBehaviourTests {
    @Test func valuesPrintTheWayRouterOSPrintsThem() async throws {
        try await withRouter { router in
            let client = try await router.loggedIn()
            let id = try #require(try await client.execute(Command("/ipv6/address/add", [
                "address": "2001:db8:0:0::2/64", "interface": "bridge", "no-dad": "yes",
            ])).ret)
            let row = try #require(try await client.execute(Command("/ipv6/address/print", queries: [.equals(".id", Word(id))])).rows.first)
            #expect(row["address"] == "2001:db8::2/64")
            #expect(row["no-dad"] == "true")
            #expect(row["advertise"] == "true")  // on by default for a /64
            #expect(row["comment"] == nil)       // never given: absent from print

            let wg = try #require(try await client.execute(Command("/interface/wireguard/add", ["name": "wg0", "listen-port": "013231"])).ret)
            _ = try await client.execute(Command("/interface/wireguard/peers/add", [
                "interface": "wg0", "public-key": "YGzsr5zuc0QAAYbnNkE2EPD3SYLkxnkcHYj6kMiYjF8=",
                "allowed-address": "2001:db8:0::/48", "persistent-keepalive": "25",
            ]))
            let peer = try #require(try await client.execute(Command("/interface/wireguard/peers/print")).rows.first)
            #expect(peer["persistent-keepalive"] == "25s")
            #expect(peer["allowed-address"] == "2001:db8::/48")
            let interface = try #require(try await client.execute(Command("/interface/wireguard/print", queries: [.equals(".id", Word(wg))])).rows.first)
            #expect(interface["listen-port"] == "13231")
            #expect(interface["mtu"] == "1420")  // documented default filled in
        }
    }

    @Test func unsetReturnsToTheDefaultOrDisappears() async throws {
        try await withRouter { router in
            let client = try await router.loggedIn()
            let id = try #require(try await client.execute(Command("/ipv6/route/add", ["dst-address": "2001:db8::/48", "blackhole": "", "distance": "5", "comment": "x"])).ret)
            _ = try await client.execute(Command("/ipv6/route/unset", ["numbers": id, "value-name": "distance"]))
            _ = try await client.execute(Command("/ipv6/route/unset", ["numbers": id, "value-name": "comment"]))
            let row = try #require(try await client.execute(Command("/ipv6/route/print", queries: [.equals(".id", Word(id))])).rows.first)
            #expect(row["distance"] == "1")
            #expect(row["comment"] == nil)
            // RouterOS 7.20 has no unset in /interface/wireguard.
            let message = await trapMessage { _ = try await client.execute(Command("/interface/wireguard/unset", ["numbers": "wg0", "value-name": "mtu"])) }
            #expect(message == "no such command")
        }
    }

    @Test func unsetRecomputesDerivedProperties() async throws {
        try await withRouter { router in
            let client = try await router.loggedIn()
            func ether5() async throws -> Row {
                try #require(try await client.execute(Command("/interface/ethernet/print", queries: [.equals("name", "ether5")])).rows.first)
            }
            _ = try await client.execute(Command("/interface/ethernet/set", ["numbers": "ether5", "disabled": "yes"]))
            #expect(try await ether5()["running"] == "false")
            _ = try await client.execute(Command("/interface/ethernet/unset", ["numbers": "ether5", "value-name": "disabled"]))
            #expect(try await ether5()["disabled"] != "true")
            #expect(try await ether5()["running"] == "true")
        }
    }

    @Test func wireguardKeysAreRealX25519() async throws {
        try await withRouter { router in
            let client = try await router.loggedIn()
            _ = try await client.execute(Command("/interface/wireguard/add", ["name": "wg-auto"]))
            let privateKey = "YGzsr5zuc0QAAYbnNkE2EPD3SYLkxnkcHYj6kMiYjF8="
            _ = try await client.execute(Command("/interface/wireguard/add", ["name": "wg-given", "private-key": privateKey]))
            let rows = try await client.execute(Command("/interface/wireguard/print")).rows
            let auto = try #require(rows.first { $0["name"] == "wg-auto" })
            let given = try #require(rows.first { $0["name"] == "wg-given" })
            #expect(auto["public-key"] == WireGuardKey.publicKey(forPrivateKey: auto["private-key"]!))
            #expect(given["public-key"] == WireGuardKey.publicKey(forPrivateKey: privateKey))
            #expect(auto["private-key"] != given["private-key"])
            // public-key is read-only: not an argument of add or set.
            let message = await trapMessage {
                _ = try await client.execute(Command("/interface/wireguard/set", ["numbers": "wg-auto", "public-key": given["public-key"]!]))
            }
            #expect(message == "unknown parameter public-key")
        }
    }

    @Test func peerPublicKeyMustBe32BytesOfBase64() async throws {
        try await withRouter { router in
            let client = try await router.loggedIn()
            _ = try await client.execute(Command("/interface/wireguard/add", ["name": "wg0"]))
            let message = await trapMessage {
                _ = try await client.execute(Command("/interface/wireguard/peers/add", ["interface": "wg0", "public-key": "c2hvcnQ=", "allowed-address": "::/0"]))
            }
            #expect(message == "invalid value for argument public-key")
        }
    }

    @Test func secretsAreMaskedWithoutTheSensitivePolicy() async throws {
        let writer = MockUser(name: "operator", password: "pw", group: .write)
        try await withRouter(users: [TestRouter.user, writer]) { router in
            let admin = try await router.loggedIn()
            _ = try await admin.execute(Command("/interface/wireguard/add", ["name": "wg0", "private-key": "YGzsr5zuc0QAAYbnNkE2EPD3SYLkxnkcHYj6kMiYjF8="]))
            let full = try #require(try await admin.execute(Command("/interface/wireguard/print")).rows.first)
            #expect(full["private-key"] == "YGzsr5zuc0QAAYbnNkE2EPD3SYLkxnkcHYj6kMiYjF8=")
            let limited = try await router.loggedIn(writer)
            let masked = try #require(try await limited.execute(Command("/interface/wireguard/print")).rows.first)
            #expect(masked["private-key"] != full["private-key"])
            #expect(masked["public-key"] == full["public-key"])
        }
    }

    @Test func referencesMustResolve() async throws {
        try await withRouter { router in
            let client = try await router.loggedIn()
            let cases: [(String, KeyValuePairs<String, String>, String)] = [
                ("/ip/address/add", ["address": "192.0.2.1/24", "interface": "asdf"], "input does not match any value of interface"),
                ("/interface/wireguard/peers/add", ["interface": "wg9", "public-key": "YGzsr5zuc0QAAYbnNkE2EPD3SYLkxnkcHYj6kMiYjF8=", "allowed-address": "::/0"], "input does not match any value of interface"),
                ("/interface/bridge/port/add", ["bridge": "nobridge", "interface": "ether1"], "input does not match any value of bridge"),
                ("/routing/bgp/connection/add", ["name": "up", "instance": "nope", "local.role": "ebgp", "remote.address": "2001:db8::1"], "input does not match any value of instance"),
            ]
            for (path, attributes, expected) in cases {
                let message = await trapMessage { _ = try await client.execute(Command(path, attributes)) }
                #expect(message == expected, "\(path)")
            }
            _ = try await client.execute(Command("/routing/bgp/instance/add", ["name": "main-bgp", "as": "65001"]))
            let message = await trapMessage {
                _ = try await client.execute(Command("/routing/bgp/connection/add", [
                    "name": "up", "instance": "main-bgp", "local.role": "ebgp", "remote.address": "2001:db8::1", "templates": "missing",
                ]))
            }
            #expect(message == "input does not match any value of templates")
        }
    }

    @Test func duplicatesAreRefused() async throws {
        try await withRouter { router in
            let client = try await router.loggedIn()
            let name = await trapMessage { _ = try await client.execute(Command("/interface/wireguard/add", ["name": "ether1"])) }
            #expect(name == "failure: already have interface with such name")
            _ = try await client.execute(Command("/ip/address/add", ["address": "192.0.2.1/24", "interface": "ether1"]))
            let address = await trapMessage { _ = try await client.execute(Command("/ip/address/add", ["address": "192.0.2.1/24", "interface": "ether1"])) }
            #expect(address == "failure: already have such address")
            // The same address on another interface is fine.
            _ = try await client.execute(Command("/ip/address/add", ["address": "192.0.2.1/24", "interface": "ether2"]))
        }
    }

    @Test func valuesOutsideTheSchemaRangesAreRefused() async throws {
        try await withRouter { router in
            let client = try await router.loggedIn()
            _ = try await client.execute(Command("/interface/wireguard/add", ["name": "wg0"]))
            let keepalive = await trapMessage {
                _ = try await client.execute(Command("/interface/wireguard/peers/add", [
                    "interface": "wg0", "public-key": "YGzsr5zuc0QAAYbnNkE2EPD3SYLkxnkcHYj6kMiYjF8=", "allowed-address": "::/0", "persistent-keepalive": "19h",
                ]))
            }
            #expect(keepalive == "value of persistent-keepalive is out of range (00:00:00 .. 18:12:15)")
            let action = await trapMessage {
                _ = try await client.execute(Command("/ip/firewall/filter/add", ["chain": "input", "action": "explode"]))
            }
            #expect(action == "input does not match any value of action")
            let boolean = await trapMessage {
                _ = try await client.execute(Command("/ipv6/address/add", ["address": "2001:db8::1/64", "interface": "bridge", "advertise": "maybe"]))
            }
            #expect(boolean == "input does not match any value of advertise")
        }
    }

    @Test(arguments: [("7.18.2", false, false), ("7.19.6", true, false), ("7.20.8", true, true), ("7.24", true, true)])
    func bgpArgumentsFollowTheVersion(version: String, hasAFI: Bool, hasInstance: Bool) async throws {
        try await withRouter(version: version) { router in
            let client = try await router.loggedIn()
            var attributes = [Attribute("name", "up"), Attribute("local.role", "ebgp"), Attribute("remote.address", "2001:db8::1")]
            if hasInstance {
                _ = try await client.execute(Command("/routing/bgp/instance/add", ["name": "bgp1", "as": "65001"]))
                attributes.append(Attribute("instance", "bgp1"))
            } else {
                let missing = await trapMessage { _ = try await client.execute(Command("/routing/bgp/instance/print")) }
                #expect(missing == "no such command or directory (instance)")
                attributes.append(Attribute("as", "65001"))
            }
            let old = await trapMessage {
                _ = try await client.execute(Command("/routing/bgp/connection/add", attributes: attributes + [Attribute("address-families", "ipv6")]))
            }
            let new = await trapMessage {
                _ = try await client.execute(Command("/routing/bgp/connection/add", attributes: attributes + [Attribute("afi", "ipv6")]))
            }
            #expect(old == (hasAFI ? "unknown parameter address-families" : nil))
            #expect(new == (hasAFI ? nil : "unknown parameter afi"))
        }
    }

    @Test func requiredPropertiesAndProtectedEntries() async throws {
        try await withRouter { router in
            let client = try await router.loggedIn()
            let missing = await trapMessage { _ = try await client.execute(Command("/ip/address/add", ["address": "192.0.2.1/24"])) }
            #expect(missing?.contains("interface") == true)
            let lists = try await client.execute(Command("/interface/list/print", queries: [.equals("name", "all")])).rows
            let message = await trapMessage {
                _ = try await client.execute(Command("/interface/list/remove", [".id": lists[0][".id"]!]))
            }
            #expect(message == "failure: cannot remove dynamic, builtin or default entry")
        }
    }
}
