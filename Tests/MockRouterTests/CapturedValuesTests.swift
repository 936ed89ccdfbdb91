import Foundation
@testable import MockRouter
import RouterModel
import RouterOSAPI
import Testing
import Yams

/// An oracle that is not ourselves: values real RouterOS routers printed and traps they sent, as
/// published by others (`Fixtures/routeros-captures.yaml`, a copy of `../shared/routeros-captures`,
/// every entry with its source). MockRouter and the engine share the normaliser, so a wrong guess
/// about RouterOS would pass both; these tests hold both to what RouterOS did.
struct CapturedValuesTests {
    struct Capture: Decodable {
        let menu: String
        let via: String
        let version: String?
        let printed: [String: String]?
        let note: String?
        let trap: String?
        let command: String?
        let source: String
    }

    static let captures: [Capture] = {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/routeros-captures.yaml").path
        let text = try! String(contentsOfFile: path, encoding: .utf8)
        return try! YAMLDecoder().decode([Capture].self, from: text)
    }()

    /// The embedded tree closest to the capture's version (7.20.8 when the source does not say).
    static func schema(for capture: Capture) -> RouterSchema {
        let written = capture.version?.split(separator: " ").first.map(String.init)
        return RouterSchema.closest(to: written.flatMap(RouterOSVersion.init) ?? RouterOSVersion("7.20.8")!)
    }

    /// What the API or REST printed (CLI prints and exports format values for people).
    static var printedOverTheAPI: [Capture] {
        captures.filter { ($0.via == "api" || $0.via == "rest") && $0.printed != nil }
    }

    @Test func theCapturesAreThere() {
        #expect(Self.captures.count >= 100)
        #expect(Self.printedOverTheAPI.count >= 40)
    }

    /// A value as RouterOS printed it is already in printed form: reading it as its property's kind
    /// gives it back unchanged. A kind that prints differently (booleans as yes/no, intervals in
    /// seconds, rates with suffixes, IPv6 uncompressed) fails here.
    @Test func everyCapturedSettableValueIsAlreadyInTheFormRosplayPrints() {
        var checked = 0
        for capture in Self.printedOverTheAPI {
            let schema = Self.schema(for: capture)
            guard let spec = schema.spec(for: capture.menu) else { continue }
            for (name, value) in capture.printed ?? [:] where schema.accepts(name, in: capture.menu) && !value.isEmpty {
                guard let kind = spec.properties[name]?.kind else { continue }
                checked += 1
                let read = try? ValueNormalizer.normalize(value, as: kind)
                #expect(read == value, "\(capture.menu) \(name): RouterOS printed '\(value)', rosplay reads it as '\(read ?? "an error")' (\(capture.source))")
            }
        }
        #expect(checked >= 100, "only \(checked) captured values were checked")
    }

    /// `Set with NAME="WRITTEN" ... read back as 'PRINTED'`, from the captures' notes.
    static var roundTrips: [(menu: String, name: String, written: String, printed: String, source: String)] {
        captures.flatMap { capture -> [(String, String, String, String, String)] in
            guard let note = capture.note else { return [] }
            return note.matches(of: /Set with ([a-z0-9.-]+)="([^"]*)"[^']*read back as '([^']*)'/).map {
                (capture.menu, String($0.1), String($0.2), String($0.3), capture.source)
            }
        }
    }

    /// What was written reads back as RouterOS printed it, through the normaliser and through
    /// MockRouter: `max-limit=20M/20M` prints `20000000/20000000`, `600` seconds prints `10m`.
    @Test func writtenValuesReadBackAsRouterOSPrintedThem() throws {
        let trips = Self.roundTrips
        #expect(trips.count >= 3, "\(trips)")
        let device = try RouterDevice(configuration: MockRouterConfiguration(apiSSLPort: nil))
        defer { device.stop() }
        let admin = MockUser(name: "admin", password: "", group: .full)
        for trip in trips {
            let schema = device.schema
            let kind = try #require(schema.spec(for: trip.menu)?.properties[trip.name]?.kind, "\(trip.menu) \(trip.name)")
            #expect((try? ValueNormalizer.normalize(trip.written, as: kind)) == trip.printed, "\(trip.menu) \(trip.name)=\(trip.written) (\(trip.source))")
            let isSettings = schema.arguments(of: "add", in: trip.menu) == nil
            var attributes = [trip.name: trip.written]
            if !isSettings, schema.accepts("name", in: trip.menu) { attributes["name"] = "captured-\(trip.name)" }
            if trip.menu.hasPrefix("/queue/") { attributes[trip.menu == "/queue/tree" ? "parent" : "target"] = trip.menu == "/queue/tree" ? "global" : "192.0.2.0/24" }
            let written = attributes.sorted { $0.key < $1.key }.map { Attribute($0.key, $0.value) }
            let replies = device.execute(Command(trip.menu + (isSettings ? "/set" : "/add"), attributes: written), as: admin).replies
            #expect(!replies.contains { $0.kind == .trap }, "\(trip.menu) \(trip.name)=\(trip.written): \(replies)")
            let rows = device.execute(Command(trip.menu + "/print"), as: admin).replies.filter { $0.kind == .re }
            #expect(rows.contains { $0.attributes[trip.name] == trip.printed }, "\(trip.menu) \(trip.name): MockRouter printed \(rows.map { $0.attributes[trip.name] ?? "nothing" })")
        }
    }

    /// Traps RouterOS sent, and the command MockRouter runs to provoke the same one.
    static let traps: [(capture: String, menu: String, command: Command)] = [
        ("input does not match any value of interface", "/ip/address", Command("/ip/address/add", ["address": "192.168.88.1", "interface": "asdf"])),
        ("unknown parameter src-address", "/ip/dhcp-server", Command("/ip/dhcp-server/set", ["numbers": "defconf", "src-address": "10.0.0.1"])),
        ("input does not match any value of certificate", "/ip/service", Command("/ip/service/set", ["numbers": "api-ssl", "certificate": "nope"])),
        ("no such command or directory (routerboard)", "/system/routerboard", Command("/system/routerboard/nope/getall")),
    ]

    @Test func trapTextsAreRouterOSs() throws {
        let device = try RouterDevice(configuration: MockRouterConfiguration(apiSSLPort: nil))
        defer { device.stop() }
        let admin = MockUser(name: "admin", password: "", group: .full)
        for trap in Self.traps {
            #expect(Self.captures.contains { $0.trap == trap.capture }, "no capture says '\(trap.capture)'")
            let messages = device.execute(trap.command, as: admin).replies.filter { $0.kind == .trap }.compactMap { $0.attributes["message"] }
            #expect(messages.contains(trap.capture), "\(trap.command.path): MockRouter says \(messages), RouterOS '\(trap.capture)'")
        }
    }

    /// `value of activation-timeout is out of range (00:00:10 .. 1d00:00:00)`: the form of every
    /// out-of-range trap, here for a BGP AS number past 32 bits.
    @Test func outOfRangeReadsAsRouterOSWritesIt() throws {
        #expect(Self.captures.contains { $0.trap == "value of activation-timeout is out of range (00:00:10 .. 1d00:00:00)" })
        #expect(RouterOSDuration.range(10_000...86_400_000) == "00:00:10 .. 1d00:00:00")
        let device = try RouterDevice(configuration: MockRouterConfiguration(apiSSLPort: nil))
        defer { device.stop() }
        let admin = MockUser(name: "admin", password: "", group: .full)
        let replies = device.execute(Command("/routing/bgp/connection/add", ["name": "x", "remote.as": "4294967296"]), as: admin).replies
        #expect(replies.first?.attributes["message"] == "value of remote.as is out of range (0 .. 4294967295)", "\(replies)")
    }
}
