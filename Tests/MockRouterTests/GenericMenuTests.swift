@testable import MockRouter
import RouterModel
import RouterOSAPI
import Testing

/// MockRouter serves every menu of its version from the command tree, not only the curated ones:
/// an entry can be added, printed with queries and `.proplist`, changed, commented, disabled,
/// unset, moved and removed in every list menu the catalog does not describe.
struct GenericMenuTests {
    static let admin = MockUser(name: "admin", password: "", group: .full)

    func device(_ version: String = "7.20.8") throws -> RouterDevice {
        try RouterDevice(configuration: MockRouterConfiguration(apiSSLPort: nil, routerOSVersion: RouterOSVersion(version)!))
    }

    func run(_ device: RouterDevice, _ path: String, _ attributes: [(String, String)] = [], queries: [QueryWord] = []) -> [Reply] {
        let command = Command(path, attributes: attributes.map { Attribute($0.0, $0.1) }, queries: queries)
        return device.execute(command, as: Self.admin).replies
    }

    func traps(_ replies: [Reply]) -> [String] {
        replies.filter { $0.kind == .trap }.map { $0.attributes["message"] ?? "" }
    }

    /// Every derived list menu that takes nothing but optional text: a comment alone makes an entry.
    @Test(arguments: ["7.18.2", "7.20.8", "7.24"])
    func everyDerivedListMenuAddsChangesAndRemoves(version: String) throws {
        let device = try device(version)
        defer { device.stop() }
        var served = 0
        for path in device.schema.configurableMenus {
            let spec = device.schema.spec(for: path)!
            guard spec.origin == .derived, spec.style == .list, spec.interfaceType == nil,
                  let add = device.schema.arguments(of: "add", in: path), add["comment"] != nil else { continue }
            var attributes = [("comment", "generic \(path)")]
            if add["name"] != nil { attributes.append(("name", "generic\(served)")) }
            let added = run(device, path + "/add", attributes)
            // Some menus need more than a comment (a required address, a reference): RouterOS says which.
            guard traps(added).isEmpty, let id = added.last?.attributes["ret"] else { continue }
            served += 1
            let printed = run(device, path + "/print", [(".proplist", ".id,comment")], queries: [.equals("comment", Word("generic \(path)"))]).filter { $0.kind == .re }
            #expect(printed.count == 1 && printed.first?.attributes.count == 2, "\(version) \(path): \(printed)")
            #expect(printed.first?.attributes[".id"] == id && printed.first?.attributes["comment"] == "generic \(path)", "\(version) \(path): \(printed)")
            if device.schema.arguments(of: "disable", in: path) != nil {
                #expect(traps(run(device, path + "/disable", [("numbers", id)])).isEmpty, "\(version) \(path) disable")
                #expect(run(device, path + "/print", queries: [.equals(".id", Word(id))]).first?.attributes["disabled"] == "true", "\(version) \(path)")
            }
            if device.schema.arguments(of: "comment", in: path) != nil {
                #expect(traps(run(device, path + "/comment", [("numbers", id), ("comment", "changed")])).isEmpty, "\(version) \(path) comment")
            }
            if device.schema.arguments(of: "unset", in: path) != nil {
                #expect(traps(run(device, path + "/unset", [("numbers", id), ("value-name", "comment")])).isEmpty, "\(version) \(path) unset")
                #expect(run(device, path + "/print", queries: [.equals(".id", Word(id))]).first?.attributes["comment"] == nil, "\(version) \(path)")
            }
            #expect(traps(run(device, path + "/remove", [("numbers", id)])).isEmpty, "\(version) \(path) remove")
            #expect(run(device, path + "/print", queries: [.equals(".id", Word(id))]).allSatisfy { $0.kind != .re }, "\(version) \(path) still has \(id)")
        }
        #expect(served >= 60, "\(version): only \(served) derived list menus served")
    }

    /// Entries of an ordered menu the catalog does not describe keep their order and move.
    @Test func aDerivedOrderedMenuMoves() throws {
        let device = try device()
        defer { device.stop() }
        let first = run(device, "/queue/simple/add", [("name", "first"), ("target", "192.0.2.1/32")]).last?.attributes["ret"]
        let second = run(device, "/queue/simple/add", [("name", "second"), ("target", "192.0.2.2/32")]).last?.attributes["ret"]
        #expect(traps(run(device, "/queue/simple/move", [("numbers", second!), ("destination", first!)])).isEmpty)
        let names = run(device, "/queue/simple/print").filter { $0.kind == .re }.compactMap { $0.attributes["name"] }
        #expect(names == ["second", "first"])
    }

    /// Values are read by the kinds RouterOS describes: out-of-range numbers and intervals are
    /// refused with RouterOS's text, intervals print in RouterOS's form, names are unique.
    @Test func derivedKindsValidateAndNormalise() throws {
        let device = try device()
        defer { device.stop() }
        #expect(traps(run(device, "/tool/netwatch/add", [("host", "192.0.2.1"), ("interval", "0s")]))
            == ["value of interval is out of range (00:00:01 .. 497d02:27:52.950)"])
        let added = run(device, "/tool/netwatch/add", [("host", "192.0.2.1"), ("interval", "600")])
        #expect(traps(added).isEmpty, "\(added)")
        #expect(run(device, "/tool/netwatch/print").first { $0.kind == .re }?.attributes["interval"] == "10m")
        #expect(traps(run(device, "/ip/firewall/layer7-protocol/add", [("name", "same"), ("regexp", "a")])).isEmpty)
        #expect(traps(run(device, "/ip/firewall/layer7-protocol/add", [("name", "same"), ("regexp", "b")])) == ["failure: already have such entry"])
    }

    /// Interface menus the catalog does not describe are interfaces: listed under `/interface`
    /// with their type, names unique across every type.
    @Test func derivedInterfaceMenusAreInterfaces() throws {
        let device = try device()
        defer { device.stop() }
        let added = run(device, "/interface/pppoe-client/add", [("name", "pppoe-wan"), ("interface", "ether1"), ("user", "u"), ("password", "p")])
        #expect(traps(added).isEmpty, "\(added)")
        let row = run(device, "/interface/print", queries: [.equals("name", "pppoe-wan")]).first { $0.kind == .re }
        #expect(row?.attributes["type"] == "pppoe-out")
        #expect(row?.attributes[".id"] == added.last?.attributes["ret"])
        #expect(!traps(run(device, "/interface/bonding/add", [("name", "pppoe-wan"), ("slaves", "ether2")])).isEmpty)
    }

    /// `/ipv6/address` with `from-pool`: the router prints the address built from the pool's next
    /// /64 and the host part written, and rosplay reads it back as written, so it is not drift.
    @Test func fromPoolAddressesAreBuiltAndReadBackAsWritten() throws {
        let device = try device()
        defer { device.stop() }
        #expect(traps(run(device, "/ipv6/pool/add", [("name", "pd"), ("prefix", "2001:db8:a::/48"), ("prefix-length", "64")])).isEmpty)
        for port in ["ether2", "ether3"] {
            let added = run(device, "/ipv6/address/add", [("address", "::1/64"), ("from-pool", "pd"), ("interface", port)])
            #expect(traps(added).isEmpty, "\(added)")
        }
        let rows = run(device, "/ipv6/address/print", queries: [.equals("from-pool", "pd")]).filter { $0.kind == .re }.map(\.attributes)
        #expect(rows.compactMap { $0["address"] } == ["2001:db8:a::1/64", "2001:db8:a:1::1/64"])
        for row in rows {
            var printed: [String: String] = [:]
            for attribute in row { printed[attribute.name] = attribute.value.string }
            #expect(PrintedForms.asWritten(printed, in: "/ipv6/address")["address"] == "::1/64")
        }
        // Without the pool (a prefix not delegated yet) the address stays as written.
        #expect(run(device, "/ipv6/address/add", [("address", "::2/64"), ("from-pool", "none-yet"), ("interface", "ether4")]).last?.kind == .done)
        #expect(run(device, "/ipv6/address/print", queries: [.equals("from-pool", "none-yet")]).first { $0.kind == .re }?.attributes["address"] == "::2/64")
    }
}
