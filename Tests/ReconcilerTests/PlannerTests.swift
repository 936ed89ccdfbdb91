import Foundation
import Playbook
import RouterModel
import Testing
@testable import Reconciler

/// The planner as a pure function: playbook text and an in-memory snapshot in, operations out.
struct PlannerTests {
    let schema = RouterSchema.embedded(RouterOSVersion("7.20.8")!)!

    func plan(_ yaml: String, _ menus: [String: [LiveEntry]], board: String? = "RB5009UG+S+") throws -> Plan {
        let desired = try PlaybookValidator(schema: schema, environment: [:]).validate(PlaybookLoader.load(text: yaml, file: "test.yaml"))
        let snapshot = Snapshot(version: schema.version, boardName: board, menus: menus)
        return try Planner(desired: desired, snapshot: snapshot, schema: schema).plan()
    }

    func rule(_ id: String, _ chain: String, _ comment: String, action: String = "accept") -> LiveEntry {
        LiveEntry(id: id, properties: ["chain": chain, "comment": comment, "action": action, "disabled": "false", "dynamic": "false"])
    }

    @Test func matchingEntryWithSameValuesNeedsNothing() throws {
        let live = ["/ip/firewall/address-list": [LiveEntry(id: "*1", properties: ["list": "a", "address": "192.0.2.1", "disabled": "false"])]]
        let result = try plan("menus:\n  /ip/firewall/address-list:\n    - { list: a, address: 192.0.2.1/32 }\n", live)
        #expect(result.isEmpty)
    }

    @Test func changedValueIsASetOfThatPropertyOnly() throws {
        let live = ["/interface/wireguard": [LiveEntry(id: "*A", properties: ["name": "wg0", "mtu": "1420", "listen-port": "13231"])]]
        let result = try plan("menus:\n  /interface/wireguard:\n    - { name: wg0, mtu: 1420, listen-port: 51820 }\n", live)
        let operation = try #require(result.operations.first)
        #expect(result.operations.count == 1)
        #expect(operation.kind == .set && operation.id == "*A")
        #expect(operation.changes == [PropertyChange(name: "listen-port", old: "13231", new: "51820", sensitive: false)])
    }

    @Test func absentEntryIsRemovedAfterEverythingElse() throws {
        let live: [String: [LiveEntry]] = [
            "/ipv6/route": [LiveEntry(id: "*3", properties: ["dst-address": "::/0", "gateway": "2001:db8::1", "routing-table": "main"])],
            "/interface/wireguard": [],
        ]
        let yaml = """
        menus:
          /ipv6/route:
            - { dst-address: "::/0", gateway: "2001:db8::1", _absent: true }
          /interface/wireguard:
            - { name: wg0 }
        """
        let result = try plan(yaml, live)
        #expect(result.operations.map(\.kind) == [.add, .remove])
        #expect(result.operations.last?.id == "*3")
    }

    @Test func identityFallsBackToDefaultsAndNotSet() throws {
        // A blackhole route has no gateway; routing-table defaults to main.
        let live = ["/ipv6/route": [LiveEntry(id: "*7", properties: ["dst-address": "2001:db8::/48", "blackhole": "true", "routing-table": "main", "distance": "1"])]]
        let result = try plan("menus:\n  /ipv6/route:\n    - { dst-address: \"2001:db8::/48\", blackhole: \"\" }\n", live)
        #expect(result.isEmpty)
    }

    @Test func newRulesArePlacedBeforeTheAnchorAndOutOfOrderOnesMoved() throws {
        let live = ["/ip/firewall/filter": [
            rule("*1", "input", "b"),
            rule("*2", "input", "a"),
            rule("*3", "input", "drop all", action: "drop"),
        ]]
        let yaml = """
        menus:
          /ip/firewall/filter:
            - { chain: input, action: accept, comment: a }
            - { chain: input, action: accept, comment: b }
            - chain: input
              action: accept
              comment: new
              _place-before: { chain: input, comment: drop all }
        """
        let result = try plan(yaml, live)
        let add = try #require(result.operations.first { $0.kind == .add })
        #expect(add.before == "*3")
        let moves = result.operations.filter { $0.kind == .move }
        #expect(moves.count == 1)
        #expect(moves.first?.id == "*2" && moves.first?.before == "*1")
    }

    @Test func exclusiveMenuRemovesUnmanagedButNeverProtectedEntries() throws {
        let live = ["/interface/list": [
            LiveEntry(id: "*1", properties: ["name": "all", "builtin": "true"]),
            LiveEntry(id: "*2", properties: ["name": "LAN"]),
            LiveEntry(id: "*3", properties: ["name": "old"]),
        ]]
        let result = try plan("menus:\n  /interface/list:\n    exclusive: true\n    entries:\n      - { name: LAN }\n", live)
        #expect(result.operations.map(\.kind) == [.remove])
        #expect(result.operations.first?.id == "*3")
    }

    @Test func exactEntryResetsWhatItDoesNotName() throws {
        let live = ["/ip/firewall/filter": [LiveEntry(id: "*1", properties: ["chain": "input", "comment": "x", "action": "accept", "log": "true", "log-prefix": "", "disabled": "false"])]]
        let result = try plan("menus:\n  /ip/firewall/filter:\n    - { chain: input, comment: x, action: accept, _exact: true }\n", live)
        let unset = try #require(result.operations.first)
        #expect(unset.kind == .unset)
        #expect(unset.changes.map(\.name) == ["log"])
    }

    @Test func danglingReferenceAndWrongBoardAreRefusedBeforeAnything() throws {
        let yaml = "board: CHR\nmenus:\n  /ipv6/address:\n    - { address: \"2001:db8::1/64\", interface: wg9 }\n"
        #expect {
            try plan(yaml, ["/interface": [LiveEntry(id: "*1", properties: ["name": "ether1"])]])
        } throws: { error in
            let text = "\(error)"
            return text.contains("interface=wg9 names nothing") && text.contains("the playbook is for board CHR")
        }
    }

    @Test func settingsMenusAddUpAcrossPlaybooks() throws {
        let live = ["/ip/dns": [LiveEntry(id: nil, properties: ["allow-remote-requests": "false", "cache-size": "2048KiB"])]]
        let directory = NSTemporaryDirectory() + "settings-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "menus:\n  /ip/dns: { allow-remote-requests: yes }\n".write(toFile: directory + "/a.yaml", atomically: true, encoding: .utf8)
        try "menus:\n  /ip/dns: { cache-size: 4096KiB }\n".write(toFile: directory + "/b.yaml", atomically: true, encoding: .utf8)
        let desired = try PlaybookValidator(schema: schema, environment: [:]).validate(PlaybookLoader.load([directory + "/a.yaml", directory + "/b.yaml"]))
        #expect(desired.menus.count == 1 && desired.menus[0].entries.count == 1)
        let result = try Planner(desired: desired, snapshot: Snapshot(version: schema.version, boardName: nil, menus: live), schema: schema).plan()
        #expect(result.operations.first?.changes.map(\.name).sorted() == ["allow-remote-requests", "cache-size"])
    }

    @Test func fixedAndBuiltInEntriesAreNeverAddedOrRemoved() throws {
        let ports = ["/interface/ethernet": [LiveEntry(id: "*1", properties: ["default-name": "ether1", "name": "ether1"])]]
        #expect(throws: PlanError.self) { try plan("menus:\n  /interface/ethernet:\n    - { default-name: ether9, name: wan }\n", ports) }
        let lists = ["/interface/list": [LiveEntry(id: "*1", properties: ["name": "all", "builtin": "true"])]]
        #expect(throws: PlanError.self) { try plan("menus:\n  /interface/list:\n    - { name: all, _absent: yes }\n", lists) }
        #expect(throws: PlaybookError.self) { try plan("menus:\n  /ip/service:\n    exclusive: true\n    entries: []\n", [:]) }
    }

    @Test func writeOnlyValuesAreNotComparedButAreSentOnAdd() throws {
        let live = ["/user": [LiveEntry(id: "*1", properties: ["name": "ops", "group": "full"])], "/user/group": [LiveEntry(id: "*2", properties: ["name": "full"])]]
        #expect(try plan("menus:\n  /user:\n    - { name: ops, group: full, password: pw }\n", live).isEmpty)
        let added = try plan("menus:\n  /user:\n    - { name: new, group: full, password: pw }\n", live)
        #expect(added.operations.first?.changes.contains { $0.name == "password" && $0.sensitive } == true)
    }

    @Test func referencesIntoMenusTheVersionLacksAreNotRead() {
        let old = RouterSchema.embedded(RouterOSVersion("7.18.2")!)!
        let desired = try! PlaybookValidator(schema: old, environment: [:]).validate(PlaybookLoader.load(
            text: "menus:\n  /routing/bgp/connection:\n    - { name: up, as: 65001, local.role: ebgp, remote.address: \"2001:db8::1\" }\n", file: "t.yaml"))
        let menus = Snapshot.menusToRead(desired, schema: old)
        #expect(menus.contains("/routing/bgp/template"))
        #expect(!menus.contains("/routing/bgp/instance"))
    }

    @Test func minimumVersionIsTheRoutersNotTheSchemas() throws {
        let yaml = "routeros: \"7.21\"\nmenus:\n  /system/identity: { name: x }\n"
        #expect(throws: Never.self) {
            try PlaybookValidator(schema: schema, version: RouterOSVersion("7.21.1")!, environment: [:]).validate(PlaybookLoader.load(text: yaml, file: "t.yaml"))
        }
        #expect(throws: PlaybookError.self) {
            try PlaybookValidator(schema: schema, version: RouterOSVersion("7.20.8")!, environment: [:]).validate(PlaybookLoader.load(text: yaml, file: "t.yaml"))
        }
    }

    @Test func secretsAreMarkedSensitiveInTheirChanges() throws {
        let desired = try PlaybookValidator(schema: schema, environment: ["KEY": "ZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXp7fH1+f4CBgoM="]).validate(
            PlaybookLoader.load(text: "secrets:\n  KEY: { env: KEY }\nmenus:\n  /interface/wireguard:\n    - { name: wg0, private-key: \"${KEY}\" }\n", file: "t.yaml"))
        let result = try Planner(desired: desired, snapshot: Snapshot(version: schema.version, boardName: nil, menus: [:]), schema: schema).plan()
        let change = try #require(result.operations.first?.changes.first { $0.name == "private-key" })
        #expect(change.sensitive)
        let rendered = PlanRenderer(colour: false).render(result)
        #expect(!rendered.contains("ZGVmZ2hp"))
        #expect(rendered.contains("private-key: (sensitive)"))
    }
}
