import Foundation
@testable import MockRouter
import RouterOSAPI
import Testing

/// `/system/scheduler` fires on the router's own clock, from a task tied to no session, and
/// `/system/clock` and `/system/device-mode` print what confirmed apply checks first.
@Suite(.timeLimit(.minutes(5))) struct SchedulerTests {
    /// The `run-count` of scheduler entry `name` as the device holds it (read without a session).
    func runCount(_ router: TestRouter, _ name: String) -> String? {
        router.server.device.readState { state in
            state.tables["/system/scheduler"]?.ordered.first { $0.properties["name"] == name }?.properties["run-count"]
        }
    }

    func hasAddress(_ router: TestRouter, list: String) -> Bool {
        router.server.device.readState { state in
            state.tables["/ip/firewall/address-list"]?.ordered.contains { $0.properties["list"] == list } ?? false
        }
    }

    /// An entry starting at least `seconds` ahead of now (start times are whole seconds); by default a one-shot.
    func oneShot(_ name: String, in seconds: Double, interval: String = "0s", onEvent: String) -> Command {
        let start = ScriptingSupport.routerOSDateAndTime(Date(timeIntervalSince1970: (Date().timeIntervalSince1970 + seconds).rounded(.up)))
        return Command("/system/scheduler/add", ["name": name, "start-date": start.date, "start-time": start.time, "interval": interval, "on-event": onEvent])
    }

    @Test func aOneShotEntryFiresOnceAndOnlyOnce() async throws {
        try await withRouter { router in
            let client = try await router.loggedIn()
            try await client.addScript("rosplay-revert-a", "/ip firewall address-list add list=fired address=10.7.7.7")
            // 15 s ahead: a loaded CI machine took more than 3 s between the add and the look at it.
            _ = try await client.execute(oneShot("rosplay-revert-a", in: 15, interval: "00:00:00", onEvent: "rosplay-revert-a"))
            let added = try #require(try await client.rows("/system/scheduler").first { $0["name"] == "rosplay-revert-a" })
            #expect(added["interval"] == "0s")
            #expect(added["run-count"] == "0")
            #expect(added["owner"] == TestRouter.user.name)
            #expect(added["next-run"] == "\(added["start-date"] ?? "") \(added["start-time"] ?? "")")

            #expect(await eventually(within: .seconds(60)) { runCount(router, "rosplay-revert-a") == "1" })
            #expect(hasAddress(router, list: "fired"))
            // Several ticks later it has not fired again (a second run would also have failed on the duplicate).
            try await Task.sleep(for: .seconds(1))
            #expect(runCount(router, "rosplay-revert-a") == "1")
            let fired = try #require(try await client.rows("/system/scheduler").first { $0["name"] == "rosplay-revert-a" })
            #expect(fired["next-run"] == nil)
            #expect(try await client.rows("/system/script").first { $0["name"] == "rosplay-revert-a" }?["run-count"] == "1")
        }
    }

    @Test func aFiredRevertRemovesItsOwnEntryAndScript() async throws {
        try await withRouter { router in
            let client = try await router.loggedIn()
            try await client.addScript("rosplay-revert-self", """
                /ip firewall address-list add list=self address=10.7.7.13
                /system scheduler remove [find where name=rosplay-revert-self]
                /system script remove [find where name=rosplay-revert-self]
                """)
            _ = try await client.execute(oneShot("rosplay-revert-self", in: 3, onEvent: "/system script run rosplay-revert-self"))
            #expect(await eventually(within: .seconds(10)) { hasAddress(router, list: "self") })
            #expect(try await eventually { try await client.rows("/system/scheduler").isEmpty })
            #expect(try await client.rows("/system/script").isEmpty)
        }
    }

    /// A revert in the exact shapes rosplay's `RevertScript` writes (console menus, every value
    /// quoted, `[find where …]` on the values it wrote, `:if … do={…}` without spaces), armed as
    /// rosplay arms it, fired by the scheduler: the router is back where it was, and the revert gone.
    @Test func aRevertAsRosplayWritesItFiresAndRestoresTheRouter() async throws {
        try await withRouter { router in
            let client = try await router.loggedIn()
            func rules() async throws -> [[String: String]] {
                try await client.rows("/ip/firewall/filter").filter { $0["chain"] == "rv" }.map { $0.filter { $0.key != ".id" } }
            }
            func state() async throws -> [[[String: String]]] {
                [try await rules(), try await client.rows("/ip/firewall/address-list").filter { $0["list"] == "bad" },
                 try await client.rows("/system/identity")]
            }
            func rule(_ conditions: KeyValuePairs<String, String>) async throws -> String {
                let rows = try await client.execute(Command("/ip/firewall/filter/print", queries: conditions.map { .equals($0.key, Word($0.value)) })).rows
                return try #require(rows.first?[".id"])
            }
            for properties: KeyValuePairs<String, String> in [
                ["chain": "rv", "action": "accept", "comment": "a"], ["chain": "rv", "action": "accept", "comment": "b"],
                ["chain": "rv", "action": "drop"], ["chain": "rv", "action": "accept", "comment": "last"],
                ["chain": "rv", "action": "reject", "comment": "x"], ["chain": "rv", "action": "accept", "log-prefix": "keep"],
            ] {
                _ = try await client.execute(Command("/ip/firewall/filter/add", properties))
            }
            let before = try await state()

            // The apply: remove, set, unset, move, add, a settings change.
            _ = try await client.execute(Command("/ip/firewall/filter/remove", ["numbers": try await rule(["chain": "rv", "action": "drop"])]))
            _ = try await client.execute(Command("/ip/firewall/filter/set", ["numbers": try await rule(["log-prefix": "keep"]), "action": "drop", "comment": "vps"]))
            _ = try await client.execute(Command("/ip/firewall/filter/unset", ["numbers": try await rule(["comment": "x"]), "value-name": "comment"]))
            _ = try await client.execute(Command("/ip/firewall/filter/move", ["numbers": try await rule(["comment": "a"])]))
            _ = try await client.execute(Command("/ip/firewall/address-list/add", ["list": "bad", "address": "192.0.2.1"]))
            _ = try await client.execute(Command("/system/identity/set", ["name": "home"]))
            #expect(try await state() != before)

            let name = "rosplay-revert-5eed"
            try await client.addScript(name, #"""
                # rosplay: revert of an unconfirmed apply; runs once, then removes itself
                /system scheduler remove [find where name="rosplay-revert-5eed"]
                /system identity set name="MikroTik"
                /ip firewall address-list remove [find where list="bad" and address="192.0.2.1"]
                /ip firewall filter move numbers=[find where chain="rv" and comment="a"] destination=[find where chain="rv" and comment="b"]
                /ip firewall filter set [find where chain="rv" and action="reject" and !comment] comment="x"
                /ip firewall filter unset numbers=[find where chain="rv" and log-prefix="keep" and action="drop" and comment="vps"] value-name=comment
                /ip firewall filter set [find where chain="rv" and log-prefix="keep" and action="drop"] action="accept"
                :if ([:len [/ip firewall filter find where action="drop" and chain="rv"]] = 0) do={/ip firewall filter add action="drop" chain="rv" place-before=[find where chain="rv" and comment="last"]}
                /system script remove [find where name="rosplay-revert-5eed"]

                """#)
            var arm = oneShot(name, in: 3, onEvent: "/system script run \(name)")
            arm.attributes.append(Attribute("comment", "rosplay: reverts an unconfirmed apply; rosplay confirm removes it"))
            _ = try await client.execute(arm)
            #expect(try await eventually(within: .seconds(10)) { try await client.rows("/system/script").isEmpty })
            #expect(try await client.rows("/system/scheduler").isEmpty)
            #expect(try await state() == before)
        }
    }

    @Test func anEntryAddedBeforeItsStartFiresEvenIfTheTickComesLate() {
        // A busy machine can delay the scheduler's tick past a start a few seconds away: the
        // entry counts from when it was added, not from the first tick that saw it.
        let added = Date(timeIntervalSince1970: (Date().timeIntervalSince1970).rounded(.down))
        let start = ScriptingSupport.routerOSDateAndTime(added.addingTimeInterval(2))
        let entry = Entry(number: 1, properties: ["name": "late", "start-date": start.date, "start-time": start.time, "interval": "0s", "on-event": ""])
        var timeline = SchedulerTimeline(bootedAt: added)
        timeline.notice([entry], at: added)
        #expect(timeline.due([entry], at: added.addingTimeInterval(6)).map(\.number) == [1])
        #expect(timeline.due([entry], at: added.addingTimeInterval(7)).isEmpty)
        // Without the notice, first seen after its start, it never fires (a one-shot in the past).
        var unnoticed = SchedulerTimeline(bootedAt: added)
        #expect(unnoticed.due([entry], at: added.addingTimeInterval(6)).isEmpty)
    }

    @Test func itFiresWithNoSessionConnected() async throws {
        try await withRouter { router in
            let client = try await router.loggedIn()
            _ = try await client.execute(oneShot("detached", in: 3, onEvent: "/ip firewall address-list add list=detached address=10.7.7.8"))
            await client.close()
            #expect(await eventually(within: .seconds(10)) { hasAddress(router, list: "detached") })
            #expect(runCount(router, "detached") == "1")
        }
    }

    @Test func anEntryWithAnIntervalRepeatsAndADisabledOneNeverFires() async throws {
        try await withRouter { router in
            let client = try await router.loggedIn()
            _ = try await client.execute(oneShot("repeating", in: 0.5, interval: "1s", onEvent: ""))
            var disabled = oneShot("disabled", in: 0.5, onEvent: "/ip firewall address-list add list=never address=10.7.7.9")
            disabled.attributes.append(Attribute("disabled", "yes"))
            _ = try await client.execute(disabled)
            #expect(await eventually(within: .seconds(10)) { (runCount(router, "repeating").flatMap { Int($0) } ?? 0) >= 2 })
            #expect(runCount(router, "disabled") == "0")
            #expect(!hasAddress(router, list: "never"))
        }
    }

    @Test func stoppingTheServerCancelsTheScheduler() async throws {
        let router = try await TestRouter.start()
        let client = try await router.loggedIn()
        // Far enough ahead that even a loaded machine stops the server first.
        _ = try await client.execute(oneShot("after-stop", in: 5, onEvent: "/ip firewall address-list add list=after-stop address=10.7.7.10"))
        try await router.stop()
        try await Task.sleep(for: .seconds(7))
        #expect(runCount(router, "after-stop") == "0")
        #expect(!hasAddress(router, list: "after-stop"))
    }

    @Test func aResetForgetsPendingEntries() async throws {
        try await withRouter(faults: FaultInjection(rebootDelay: .milliseconds(50))) { router in
            let client = try await router.loggedIn()
            _ = try await client.execute(oneShot("before-reset", in: 1, onEvent: "/ip firewall address-list add list=before-reset address=10.7.7.11"))
            _ = try await client.execute(Command("/system/reset-configuration"))
            try await Task.sleep(for: .seconds(2))
            #expect(runCount(router, "before-reset") == nil)
            #expect(!hasAddress(router, list: "before-reset"))
        }
    }

    @Test func theClockPrintsUTCWallTime() async throws {
        try await withRouter { router in
            let client = try await router.loggedIn()
            let before = ScriptingSupport.routerOSDateAndTime(Date())
            let clock = try #require(try await client.rows("/system/clock").first)
            let after = ScriptingSupport.routerOSDateAndTime(Date())
            #expect([before.date, after.date].contains(clock["date"] ?? ""))
            let time = try #require(clock["time"])
            if before.date == after.date { #expect(before.time <= time && time <= after.time) }
            #expect(time.count == 8 && time.split(separator: ":").count == 3)
            #expect(clock["gmt-offset"] == "+00:00")
            #expect(clock["time-zone-name"] == "manual")
            let message = await trapMessage { _ = try await client.execute(Command("/system/clock/set", ["time": "10:00:00"])) }
            #expect(message == "setting the clock is not simulated by MockRouter")
        }
    }

    @Test func deviceModePrintsTheSchedulerFeature() async throws {
        try await withRouter { router in
            let client = try await router.loggedIn()
            let mode = try #require(try await client.rows("/system/device-mode").first)
            #expect(mode["mode"] == "advanced")
            #expect(mode["scheduler"] == "true")
            #expect(mode["container"] == "false")
        }
    }

    @Test func aDeviceModeWithoutSchedulerRefusesEntriesAndNeverFires() async throws {
        try await withRouter(deviceMode: DeviceMode(scheduler: false)) { router in
            let client = try await router.loggedIn()
            #expect(try await client.rows("/system/device-mode").first?["scheduler"] == "false")
            let message = await trapMessage { _ = try await client.execute(oneShot("refused", in: 1, onEvent: "")) }
            #expect(message == "failure: not allowed by device-mode")
            // An entry that exists anyway (a saved configuration) never fires.
            let start = ScriptingSupport.routerOSDateAndTime(Date().addingTimeInterval(0.5))
            router.server.device.commit { state in
                let number = state.nextNumber(in: "/system/scheduler")
                state.insert(Entry(number: number, properties: [
                    "name": "saved", "start-date": start.date, "start-time": start.time, "interval": "0s", "run-count": "0",
                    "on-event": "/ip firewall address-list add list=saved address=10.7.7.12", "owner": "admin", "disabled": "false",
                ]), into: "/system/scheduler")
                return []
            }
            try await Task.sleep(for: .seconds(1.5))
            #expect(runCount(router, "saved") == "0")
            #expect(!hasAddress(router, list: "saved"))
            // A client can still clean up.
            _ = try await client.execute(Command("/system/scheduler/remove", ["numbers": "saved"]))
        }
    }
}
