import RouterModel
import Testing
@testable import Reconciler

/// The inverse of a plan as RouterOS script: found by values, newest first, quoted as RouterOS reads it.
struct RevertScriptTests {
    let schema = RouterSchema.embedded(RouterOSVersion("7.20.8")!)!

    func op(_ kind: Reconciler.Operation.Kind, _ menu: String, id: String? = "*1", changes: [PropertyChange] = [], target: [(String, String?)],
            anchor: [(String, String?)]? = nil) -> Reconciler.Operation {
        Reconciler.Operation(kind: kind, menu: menu, id: id, label: "", changes: changes, before: nil, originalBefore: nil, location: nil,
                             target: EntryMatch(pairs: target), originalAnchor: anchor.map { EntryMatch(pairs: $0) })
    }

    @Test func quotingEscapesWhatRouterOSWouldReadAsSyntax() {
        #expect(RouterScript.quote(#"a "b" \c $d ?e"#) == #""a \"b\" \\c \$d \?e""#)
        #expect(RouterScript.quote("line\nnext\tx\u{1}") == #""line\nnext\tx\01""#)
        #expect(RouterScript.menu("/ip/firewall/address-list") == "/ip firewall address-list")
        #expect(RouterScript.find(EntryMatch(pairs: [("list", "a"), ("comment", nil)])) == #"[find where list="a" and !comment]"#)
    }

    @Test func eachKindIsReversedByTheValuesRosplayWrote() {
        let add = op(.add, "/ip/firewall/address-list", id: nil, target: [("list", "bad"), ("address", "192.0.2.1")])
        #expect(RevertScript.revert(add, schema: schema) == [#"/ip firewall address-list remove [find where list="bad" and address="192.0.2.1"]"#])

        let set = op(.set, "/ip/route", changes: [
            PropertyChange(name: "distance", old: "1", new: "5", sensitive: false),
            PropertyChange(name: "comment", old: nil, new: "vps", sensitive: false),
        ], target: [("dst-address", "0.0.0.0/0"), ("gateway", "192.0.2.1")])
        #expect(RevertScript.revert(set, schema: schema) == [
            #"/ip route unset numbers=[find where dst-address="0.0.0.0/0" and gateway="192.0.2.1" and distance="5" and comment="vps"] value-name=comment"#,
            #"/ip route set [find where dst-address="0.0.0.0/0" and gateway="192.0.2.1" and distance="5"] distance="1""#,
        ])
        // RouterOS 7.20 has no unset in /interface/wireguard: a line using it would stop the whole
        // script, so the default is written instead, or the property is left with a comment.
        let wireguard = op(.set, "/interface/wireguard", changes: [
            PropertyChange(name: "mtu", old: nil, new: "1380", sensitive: false),
            PropertyChange(name: "comment", old: nil, new: "vps", sensitive: false),
        ], target: [("name", "wg0")])
        let lines = RevertScript.revert(wireguard, schema: schema)
        #expect(lines.first == "# comment cannot be cleared: RouterOS 7.20.8 has no unset in /interface/wireguard", "\(lines)")
        #expect(lines.last == #"/interface wireguard set [find where name="wg0" and mtu="1380" and comment="vps"] mtu="1420""#, "\(lines)")

        let unset = op(.unset, "/ip/firewall/filter", changes: [PropertyChange(name: "comment", old: "x", new: nil, sensitive: false)],
                       target: [("chain", "input"), ("action", "drop")])
        #expect(RevertScript.revert(unset, schema: schema) == [#"/ip firewall filter set [find where chain="input" and action="drop" and !comment] comment="x""#])

        let remove = op(.remove, "/ip/firewall/filter", changes: [
            PropertyChange(name: "chain", old: "input", new: nil, sensitive: false),
            PropertyChange(name: "action", old: "drop", new: nil, sensitive: false),
        ], target: [("action", "drop"), ("chain", "input")], anchor: [("chain", "input"), ("comment", "last")])
        #expect(RevertScript.revert(remove, schema: schema) == [
            #":if ([:len [/ip firewall filter find where action="drop" and chain="input"]] = 0) do={/ip firewall filter add action="drop" chain="input" place-before=[find where chain="input" and comment="last"]}"#,
        ])

        let move = op(.move, "/ip/firewall/filter", target: [("chain", "input"), ("comment", "a")], anchor: [("chain", "input"), ("comment", "b")])
        #expect(RevertScript.revert(move, schema: schema) == [#"/ip firewall filter move numbers=[find where chain="input" and comment="a"] destination=[find where chain="input" and comment="b"]"#])

        let settings = op(.set, "/system/identity", id: nil, changes: [PropertyChange(name: "name", old: "MikroTik", new: "home", sensitive: false)], target: [])
        #expect(RevertScript.revert(settings, schema: schema) == [#"/system identity set name="MikroTik""#])
    }

    @Test func theScriptRunsNewestFirstAndRemovesItsSchedulerBeforeAnythingElse() {
        let first = op(.add, "/ip/firewall/address-list", id: nil, target: [("list", "a"), ("address", "192.0.2.1")])
        let second = op(.add, "/ip/firewall/address-list", id: nil, target: [("list", "a"), ("address", "192.0.2.2")])
        let script = RevertScript.render(Plan(levels: [[first], [second]]), name: "rosplay-revert-1", schema: schema)
        let lines = script.split(separator: "\n").map(String.init)
        #expect(lines.count == 5)
        #expect(lines[1] == #"/system scheduler remove [find where name="rosplay-revert-1"]"#)
        #expect(lines[2].contains("192.0.2.2") && lines[3].contains("192.0.2.1"))
        #expect(lines[4] == #"/system script remove [find where name="rosplay-revert-1"]"#)
    }

    @Test func theRevertFiresByTheRoutersClockInItsOwnDateFormAcrossMidnight() throws {
        let later = try #require(ArmedRevert.firingTime(date: "2026-12-31", time: "23:59:30", after: .seconds(120)))
        #expect(later.date == "2027-01-01" && later.time == "00:01:30")
        let legacy = try #require(ArmedRevert.firingTime(date: "feb/28/2028", time: "23:00:00", after: .milliseconds(3_600_001)))
        #expect(legacy.date == "feb/29/2028" && legacy.time == "00:00:01")
        #expect(ArmedRevert.firingTime(date: "2026-13-01", time: "10:00:00", after: .seconds(1)) == nil)
        #expect(ArmedRevert.firingTime(date: "2026-12-01", time: "25:00:00", after: .seconds(1)) == nil)
    }
}
