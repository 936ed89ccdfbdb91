@testable import MockRouter
import RouterModel
import Testing

/// The script subset MockRouter interprets, parsed against the 7.20.8 command tree: every
/// construct, RouterOS's quoting, and RouterOS's texts for what does not parse.
@Suite(.timeLimit(.minutes(5))) struct ScriptParsingTests {
    let schema = RouterSchema.closest(to: RouterOSVersion("7.20.8")!)

    func parse(_ source: String) throws -> [ScriptStatement] {
        var parser = ScriptParser(source: source, schema: schema)
        return try parser.parse()
    }

    /// The message `source` fails to parse with, or nil when it parses.
    func failure(_ source: String) -> String? {
        do {
            _ = try parse(source)
            return nil
        } catch {
            return (error as? ScriptError)?.message ?? "\(error)"
        }
    }

    func commands(_ source: String) throws -> [ScriptCommand] {
        try parse(source).compactMap { statement in
            if case .command(let command) = statement { return command }
            return nil
        }
    }

    @Test func consoleAndSlashFormsNameTheSameCommand() throws {
        let parsed = try commands("""
            /ip firewall address-list add list=x address=10.0.0.1/32
            /ip/firewall/address-list/add list=x address=10.0.0.1/32
            /ip firewall/address-list add list=x address=10.0.0.1/32
            """)
        #expect(parsed.count == 3)
        for command in parsed {
            #expect(command.path == "/ip/firewall/address-list/add")
            #expect(command.arguments == [ScriptArgument(name: "list", value: .text("x")), ScriptArgument(name: "address", value: .text("10.0.0.1/32"))])
        }
        #expect(parsed.map(\.position.line) == [1, 2, 3])
    }

    @Test func separatorsBlankLinesAndComments() throws {
        let parsed = try commands("# revert\n\n/ip address remove [find]; /ip address remove [find]\n   # indented comment\r\n/system script run x\n")
        #expect(parsed.map(\.path) == ["/ip/address/remove", "/ip/address/remove", "/system/script/run"])
        #expect(parsed[2].arguments == [ScriptArgument(name: "number", value: .text("x"))])
        #expect(parsed[1].position == ScriptPosition(line: 3, column: 28))
    }

    @Test func aLineNamingOnlyAMenuMakesItCurrent() throws {
        let parsed = try commands("/ip firewall filter\nadd chain=forward action=accept\n/interface list\nadd name=LAN2")
        #expect(parsed.map(\.path) == ["/ip/firewall/filter/add", "/interface/list/add"])
    }

    @Test func quotedValuesTakeRouterOSEscapes() throws {
        let source = #"/ip address set [find] comment="a \"b\" \\ \$ \? x\_y \4A\n\r\t" disabled=no"#
        let command = try #require(try commands(source).first)
        #expect(command.arguments[1] == ScriptArgument(name: "comment", value: .text("a \"b\" \\ $ ? x y J\n\r\t")))
        #expect(command.arguments[2] == ScriptArgument(name: "disabled", value: .text("no")))
        #expect(failure(#"/ip address set [find] comment="\q""#) == "syntax error (line 1 column 33)")
        #expect(failure(#"/ip address set [find] comment="open"#) == "syntax error (line 1 column 37)")
        #expect(failure(#"/ip address set [find] comment="$name""#) == "variable substitution is not simulated by MockRouter (line 1 column 33)")
        #expect(failure("/ip address set [find] comment=$name") == "variable substitution is not simulated by MockRouter (line 1 column 32)")
    }

    @Test func findWhereTakesEqualitiesAndAbsencesJoinedByAnd() throws {
        let command = try #require(try commands(#"/ip firewall filter remove [find where chain=forward and comment="a b" and !disabled]"#).first)
        let query = FindQuery(menu: "/ip/firewall/filter", conditions: [.equals("chain", "forward"), .equals("comment", "a b"), .absent("disabled")])
        #expect(command.arguments == [ScriptArgument(name: "numbers", value: .find(query))])
        let all = try #require(try commands("/ip address remove numbers=[find]").first)
        #expect(all.arguments == [ScriptArgument(name: "numbers", value: .find(FindQuery(menu: "/ip/address", conditions: [])))])
        let elsewhere = try #require(try commands("/ip address remove [/interface list find where name=LAN]").first)
        #expect(elsewhere.arguments.first?.value == .find(FindQuery(menu: "/interface/list", conditions: [.equals("name", "LAN")])))
    }

    @Test func unsetMoveAndPlaceBefore() throws {
        let parsed = try commands("""
            /ip firewall filter unset numbers=[find where comment=a] value-name=log-prefix
            /ip firewall filter move numbers=[find where comment=a] destination=[find where comment=b]
            /ip firewall filter move numbers=[find where comment=a]
            /ip firewall filter add chain=input action=drop place-before=[find where comment=b]
            """)
        #expect(parsed.map(\.verb) == ["unset", "move", "move", "add"])
        #expect(parsed[0].arguments.map(\.name) == ["numbers", "value-name"])
        #expect(parsed[1].arguments.map(\.name) == ["numbers", "destination"])
        #expect(parsed[2].arguments.map(\.name) == ["numbers"])
        #expect(parsed[3].arguments.last == ScriptArgument(name: "place-before", value: .find(FindQuery(menu: "/ip/firewall/filter", conditions: [.equals("comment", "b")]))))
    }

    @Test func ifTestsTheLengthOfAFind() throws {
        let statements = try parse("""
            :if ([:len [/ip firewall address-list find where list=x and address=10.0.0.1]] = 0) do={ /ip firewall address-list add list=x address=10.0.0.1 }
            :if ([:len [/ip/address/find]] != 0) do={
                /ip address remove [find]
            }
            :if ([:len [/ip address find]]>2) do={/ip address remove [find];}
            """)
        #expect(statements.count == 3)
        guard case .conditional(let first, let command) = statements[0] else { Issue.record("not an :if"); return }
        #expect(first.comparison == .equal && first.count == 0)
        #expect(first.query == FindQuery(menu: "/ip/firewall/address-list", conditions: [.equals("list", "x"), .equals("address", "10.0.0.1")]))
        #expect(command.path == "/ip/firewall/address-list/add")
        guard case .conditional(let second, _) = statements[1], case .conditional(let third, _) = statements[2] else { Issue.record("not :ifs"); return }
        #expect(second.comparison == .notEqual && second.holds(forCount: 1) && !second.holds(forCount: 0))
        #expect(third.comparison == .greater && third.count == 2 && third.holds(forCount: 3) && !third.holds(forCount: 2))
    }

    @Test func whatDoesNotParseFailsWithRouterOSText() {
        #expect(failure("/ip address add address='10.0.0.1/24' interface=bridge") == "syntax error (line 1 column 25)")
        #expect(failure("/ip address add address=10.0.0.1/24\n/ip adress add address=10.0.0.2/24") == "bad command name adress (line 2 column 5)")
        #expect(failure("/system routerboard print") == "bad command name routerboard (line 1 column 9)")
        #expect(failure("/ip address ad address=10.0.0.1/24") == "bad command name ad (line 1 column 13)")
        #expect(failure("/ip address remove [find] [find]") == "expected end of command (line 1 column 27)")
        #expect(failure("/ip address add 10.0.0.1/24") == "expected end of command (line 1 column 17)")
        #expect(failure(":if ([:len [/ip address find]] = 0) do={ /ip address remove [find] } x") == "expected end of command (line 1 column 70)")
        #expect(failure("/ip address print") == "/ip/address/print is not simulated by MockRouter (line 1 column 13)")
        #expect(failure(":put hello") == ":put is not simulated by MockRouter (line 1 column 1)")
        #expect(failure("/ip address remove [print]") == "[print] is not simulated by MockRouter (line 1 column 21)")
        #expect(failure("/ip address remove [find where comment=a") == "syntax error (line 1 column 41)")
        #expect(failure("/ip address remove [find where comment=a or comment=b]") == "syntax error (line 1 column 42)")
        #expect(failure("/ip address remove numbers=[find]]") == "syntax error (line 1 column 34)")
    }

    /// A command the version's menu lacks makes the whole script fail before any line runs: no
    /// embedded version has `unset` under `/interface/wireguard`, so a revert must not use it there.
    @Test func aCommandTheVersionLacksIsABadCommandName() {
        let line = #"/interface wireguard unset numbers=[find where name="wg0" and comment="vps"] value-name=comment"#
        #expect(failure("/system identity set name=\"MikroTik\"\n" + line) == "bad command name unset (line 2 column 22)")
        for version in RouterSchema.embeddedVersions {
            var parser = ScriptParser(source: line, schema: RouterSchema.closest(to: version))
            #expect(throws: ScriptError(message: "bad command name unset (line 1 column 22)")) { try parser.parse() }
        }
    }

    @Test func hostileInputFailsQuickly() {
        #expect(failure(String(repeating: "[", count: 100_000)) == "syntax error (line 1 column 1)")
        #expect(failure("/ip address remove " + String(repeating: "[", count: 100_000)) == "syntax error (line 1 column 21)")
        #expect(failure(":if (" + String(repeating: "(", count: 100_000)) == "syntax error (line 1 column 6)")
        let megabyte = String(repeating: "/ip address remove [find where comment=x]\n", count: 24_000) + "/ip address remove [find where comment=\"x"
        #expect(megabyte.utf8.count > 1_000_000)
        #expect(failure(megabyte) == "syntax error (line 24001 column 42)")
        #expect(failure(String(repeating: "x", count: 1_000_000)).map { $0.hasPrefix("bad command name x") } == true)
    }
}
