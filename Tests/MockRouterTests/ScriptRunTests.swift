import MockRouter
import RouterOSAPI
import Testing

/// `/system/script/run` over the API: the interpreter runs each line through the mock's normal
/// command path, so a revert script undoes a change set exactly, and the first refused line stops it.
@Suite(.timeLimit(.minutes(5))) struct ScriptRunTests {
    /// The firewall filter rules and address-list entries as printed, without `.id`s (re-added
    /// entries get new ones), in order.
    func configuration(_ client: RouterOSClient) async throws -> [[String: String]] {
        let rows = try await client.rows("/ip/firewall/filter") + client.rows("/ip/firewall/address-list")
        return rows.map { $0.filter { $0.key != ".id" } }
    }

    @Test func aRevertScriptUndoesAddsSetsUnsetsRemovesAndMoves() async throws {
        try await withRouter { router in
            let client = try await router.loggedIn()
            for (comment, action) in [("t-anchor", "accept"), ("t-removed", "accept"), ("t-changed", "accept"), ("t-moved", "drop"), ("t-last", "accept")] {
                _ = try await client.execute(Command("/ip/firewall/filter/add", ["chain": "forward", "action": action, "comment": comment]))
            }
            _ = try await client.execute(Command("/ip/firewall/address-list/add", ["list": "rev", "address": "10.9.0.1", "comment": "kept"]))
            let before = try await configuration(client)

            // The change set.
            func id(_ comment: String) async throws -> String {
                try #require(try await client.execute(Command("/ip/firewall/filter/print", queries: [.equals("comment", Word(comment))])).rows.first?[".id"])
            }
            _ = try await client.execute(Command("/ip/firewall/address-list/add", ["list": "rev", "address": "10.9.0.2", "comment": "new \"quoted\""]))
            _ = try await client.execute(Command("/ip/firewall/address-list/remove", ["numbers": try #require(try await client.execute(Command("/ip/firewall/address-list/print", queries: [.equals("comment", "kept")])).rows.first?[".id"])]))
            _ = try await client.execute(Command("/ip/firewall/filter/set", ["numbers": try await id("t-changed"), "action": "drop", "log-prefix": "chg"]))
            _ = try await client.execute(Command("/ip/firewall/filter/remove", ["numbers": try await id("t-removed")]))
            _ = try await client.execute(Command("/ip/firewall/filter/move", ["numbers": try await id("t-moved")]))
            #expect(try await configuration(client) != before)

            // Its inverse, as rosplay writes it.
            try await client.addScript("rosplay-revert-t1", #"""
                # rosplay revert
                /ip/firewall/address-list/remove [find where list=rev and address=10.9.0.2 and comment="new \"quoted\""]
                :if ([:len [/ip firewall address-list find where list=rev and address=10.9.0.1]] = 0) do={ /ip firewall address-list add list=rev address=10.9.0.1 comment=kept }
                /ip firewall filter set numbers=[find where comment=t-changed] action=accept
                /ip firewall filter unset numbers=[find where comment=t-changed] value-name=log-prefix
                :if ([:len [/ip firewall filter find where comment=t-removed]] = 0) do={ /ip firewall filter add chain=forward action=accept comment=t-removed place-before=[find where comment=t-changed] }
                /ip firewall filter move numbers=[find where comment=t-moved] destination=[find where comment=t-last]
                """#)
            _ = try await client.execute(Command("/system/script/run", ["number": "rosplay-revert-t1"]))
            #expect(try await configuration(client) == before)

            // Run again: every line finds the router already reverted and changes nothing.
            _ = try await client.execute(Command("/system/script/run", ["number": "rosplay-revert-t1"]))
            #expect(try await configuration(client) == before)
            let script = try #require(try await client.rows("/system/script").first { $0["name"] == "rosplay-revert-t1" })
            #expect(script["run-count"] == "2")
            #expect(script["owner"] == TestRouter.user.name)
        }
    }

    @Test func findYieldsZeroOneOrManyEntries() async throws {
        try await withRouter { router in
            let client = try await router.loggedIn()
            for address in ["10.3.0.1", "10.3.0.2", "10.3.0.3"] {
                _ = try await client.execute(Command("/ip/firewall/address-list/add", ["list": address == "10.3.0.1" ? "one" : "many", "address": address]))
            }
            try await client.addScript("s", """
                /ip firewall address-list set [find where list=none] comment=zero
                /ip firewall address-list remove [find where list=none]
                /ip firewall address-list set [find where list=one] comment=one
                /ip firewall address-list set [find where list=many] comment=many
                /ip firewall address-list set [find where list=many and address=10.3.0.2] timeout=1h
                """)
            _ = try await client.execute(Command("/system/script/run", ["number": "s"]))
            let rows = try await client.rows("/ip/firewall/address-list").filter { $0["address"]?.hasPrefix("10.3.") == true }
            #expect(rows.map { $0["comment"] } == ["one", "many", "many"])
            // `!name`: not set, or false; `disabled=no` is normalised like a given value.
            try await client.addScript("t", """
                /ip firewall address-list set [find where list=many and !timeout] comment=no-timeout
                /ip firewall address-list disable [find where comment=many and disabled=no]
                /ip firewall address-list set [find where address~"10.3" or !disabled] comment=never
                """)
            let message = await trapMessage { _ = try await client.execute(Command("/system/script/run", ["number": "t"])) }
            #expect(message == "syntax error (line 3 column 51)")
            try await client.addScript("u", """
                /ip firewall address-list set [find where list=many and !timeout] comment=no-timeout
                /ip firewall address-list disable [find where list=many and disabled=no and !comment]
                /ip firewall address-list disable [find where comment=many and disabled=no]
                /ip firewall address-list set [find where !disabled and list=one] comment=enabled
                """)
            _ = try await client.execute(Command("/system/script/run", ["number": "u"]))
            let after = try await client.rows("/ip/firewall/address-list").filter { $0["address"]?.hasPrefix("10.3.") == true }
            #expect(after.map { $0["comment"] } == ["enabled", "many", "no-timeout"])
            #expect(after.map { $0["disabled"] } == ["false", "true", "false"])
        }
    }

    @Test func theFirstRefusedLineStopsTheScriptAndWhatRanStaysDone() async throws {
        try await withRouter { router in
            let client = try await router.loggedIn()
            try await client.addScript("s", """
                /ip firewall address-list add list=stop address=10.4.0.1
                /ip firewall address-list add list=stop address=10.4.0.1
                /ip firewall address-list add list=stop address=10.4.0.3
                """)
            let message = await trapMessage { _ = try await client.execute(Command("/system/script/run", ["number": "s"])) }
            #expect(message == "failure: already have such entry (/ip/firewall/address-list/add; line 2)")
            let addresses = try await client.rows("/ip/firewall/address-list").filter { $0["list"] == "stop" }.map { $0["address"] }
            #expect(addresses == ["10.4.0.1"])

            // The same validation as any client's command: an unknown interface is refused.
            try await client.addScript("u", "/ip address add address=10.5.0.1/24 interface=nope")
            #expect(await trapMessage { _ = try await client.execute(Command("/system/script/run", ["number": "u"])) }
                == "input does not match any value of interface (/ip/address/add; line 1)")
        }
    }

    @Test func aScriptThatDoesNotParseRunsNoLine() async throws {
        try await withRouter { router in
            let client = try await router.loggedIn()
            try await client.addScript("s", "/ip firewall address-list add list=p address=10.6.0.1\n/ip firewall adress-list add list=p address=10.6.0.2")
            let message = await trapMessage { _ = try await client.execute(Command("/system/script/run", ["number": "s"])) }
            #expect(message == "bad command name adress-list (line 2 column 14)")
            #expect(try await client.rows("/ip/firewall/address-list").filter { $0["list"] == "p" }.isEmpty)
        }
    }

    @Test func aHostileSourceFailsWithoutRunningAnything() async throws {
        try await withRouter { router in
            let client = try await router.loggedIn()
            let megabyte = "/ip firewall address-list add list=h address=10.2.0.1\n" + String(repeating: "[", count: 1_000_000)
            try await client.addScript("hostile", megabyte)
            #expect(await trapMessage { _ = try await client.execute(Command("/system/script/run", ["number": "hostile"])) } == "syntax error (line 2 column 1)")
            try await client.addScript("nested", ":if ([:len [/ip address find]] = 0) do={ :if ([:len [/ip address find]] = 0) do={ /ip address remove [find] } }")
            #expect(await trapMessage { _ = try await client.execute(Command("/system/script/run", ["number": "nested"])) }
                == "a do block other than one command is not simulated by MockRouter (line 1 column 42)")
            #expect(try await client.rows("/ip/firewall/address-list").filter { $0["list"] == "h" }.isEmpty)
        }
    }

    @Test func runTakesAnIDOrANameAndRefusesOthers() async throws {
        try await withRouter { router in
            let client = try await router.loggedIn()
            let id = try await client.addScript("by-id", "/ip firewall address-list add list=r address=10.8.0.1")
            try await client.addScript("by-name", "/system script run by-id-2")
            try await client.addScript("by-id-2", "/ip firewall address-list add list=r address=10.8.0.2")
            _ = try await client.execute(Command("/system/script/run", [".id": id]))
            _ = try await client.execute(Command("/system/script/run", ["number": "by-name"]))
            #expect(try await client.rows("/ip/firewall/address-list").filter { $0["list"] == "r" }.compactMap { $0["address"] } == ["10.8.0.1", "10.8.0.2"])
            #expect(await trapMessage { _ = try await client.execute(Command("/system/script/run", ["number": "missing"])) } == "no such item")

            try await client.addScript("loop", "/system script run loop")
            let loop = await trapMessage { _ = try await client.execute(Command("/system/script/run", ["number": "loop"])) }
            #expect(loop?.hasPrefix("scripts nested deeper than 8 are refused by MockRouter") == true)
        }
    }

    @Test func aReadOnlyUserRunsAScriptWithoutWriteRights() async throws {
        let reader = MockUser(name: "reader", password: "r", group: .read)
        try await withRouter(users: [TestRouter.user, reader]) { router in
            let admin = try await router.loggedIn()
            try await admin.addScript("s", "/ip firewall address-list add list=ro address=10.8.1.1")
            let client = try await router.loggedIn(reader)
            let message = await trapMessage { _ = try await client.execute(Command("/system/script/run", ["number": "s"])) }
            #expect(message == "not enough permissions (9) (/ip/firewall/address-list/add; line 1)")
        }
    }
}
