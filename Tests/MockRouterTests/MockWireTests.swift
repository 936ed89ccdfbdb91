import MockRouter
import RouterOSAPI
import Testing

/// What MockRouter puts on the wire, sentence by sentence, as RouterOS v7 does.
@Suite(.timeLimit(.minutes(5))) struct MockWireTests {
    func session(_ router: TestRouter, login: Bool = true) async throws -> RawSession {
        let session = try await RawSession(port: router.server.apiPort!)
        if login {
            session.send("/login", "=name=\(TestRouter.user.name)", "=password=\(TestRouter.user.password)")
            let replies = await session.readUntilDone()
            #expect(replies == [Reply.done()])
        }
        return session
    }

    @Test func failedLoginIsTrapThenDone() async throws {
        try await withRouter { router in
            let session = try await self.session(router, login: false)
            session.send("/login", "=name=\(TestRouter.user.name)", "=password=nope", ".tag=1")
            #expect(await session.readUntilDone() == [Reply.trap("invalid user name or password (6)", tag: "1"), .done(tag: "1")])
        }
    }

    @Test func commandBeforeLoginGetsFatalAndClose() async throws {
        try await withRouter { router in
            let session = try await self.session(router, login: false)
            session.send("/ip/address/print")
            #expect(await session.readUntilClosed() == [Reply.fatal("not logged in")])
        }
    }

    @Test func emptyPrintSaysEmptyThenDoneWithTheTag() async throws {
        try await withRouter { router in
            let session = try await self.session(router)
            session.send("/ip/firewall/address-list/print", "?list=none", ".tag=5")
            #expect(await session.readUntilDone() == [Reply(.empty, tag: "5"), .done(tag: "5")])
            session.send("/ip/firewall/address-list/print", "?list=none")
            #expect(await session.readUntilDone() == [Reply(.empty), .done()])
        }
    }

    @Test func addReturnsHexIDsNeverReused() async throws {
        try await withRouter { router in
            let session = try await self.session(router)
            var ids: [String] = []
            for index in 0..<20 {
                session.send("/ip/firewall/address-list/add", "=list=l", "=address=192.0.2.\(index)")
                let done = await session.readUntilDone().last!
                ids.append(done["ret"]!)
                session.send("/ip/firewall/address-list/remove", "=.id=\(done["ret"]!)")
                _ = await session.readUntilDone()
            }
            #expect(ids == (1...20).map { "*" + String($0, radix: 16, uppercase: true) })
        }
    }

    @Test func unknownMenuGivesBothTraps() async throws {
        try await withRouter { router in
            let session = try await self.session(router)
            session.send("/system/routerboardx/print", ".tag=2")
            #expect(await session.readUntilDone() == [
                Reply.trap("no such command or directory (routerboardx)", category: .missingItemOrCommand, tag: "2"),
                Reply.trap("no such command prefix", category: .missingItemOrCommand, tag: "2"),
                .done(tag: "2"),
            ])
        }
    }

    @Test func unknownCommandAndParameterTrap() async throws {
        try await withRouter { router in
            let session = try await self.session(router)
            session.send("/ip/address/frobnicate")
            #expect(await session.readUntilDone() == [Reply.trap("no such command", category: .missingItemOrCommand), .done()])
            session.send("/ip/address/add", "=address=192.0.2.1/24", "=interface=ether1", "=colour=blue")
            #expect(await session.readUntilDone() == [Reply.trap("unknown parameter colour"), .done()])
        }
    }

    @Test func cancelSequenceMatchesTheManual() async throws {
        try await withRouter { router in
            let session = try await self.session(router)
            session.send("/ip/firewall/address-list/listen", ".tag=2")
            session.send("/cancel", "=tag=2", ".tag=7")
            #expect(await session.readUntilDone(tag: "2") == [
                Reply.trap("interrupted", category: .interrupted, tag: "2"),
                .done(tag: "7"),
                .done(tag: "2"),
            ])
        }
    }

    @Test func emptySelectorIsAMissingArgument() async throws {
        try await withRouter { router in
            let session = try await self.session(router)
            session.send("/ip/firewall/address-list/get", "=number=", "=value-name=address")
            #expect(await session.readUntilDone() == [Reply.trap("missing value(s) of argument(s) number", category: .argumentValueFailure), .done()])
            session.send("/ip/firewall/address-list/remove", "=.id=")
            #expect(await session.readUntilDone() == [Reply.trap("missing value(s) of argument(s) numbers", category: .argumentValueFailure), .done()])
            session.send("/ip/firewall/address-list/set", "=numbers=", "=comment=x")
            #expect(await session.readUntilDone() == [Reply.trap("missing value(s) of argument(s) numbers", category: .argumentValueFailure), .done()])
        }
    }

    @Test func unreadableCommandIsAnsweredWithItsTag() async throws {
        try await withRouter { router in
            let session = try await self.session(router)
            session.send("/ip/address/print", "bogus", ".tag=4")
            #expect(await session.readUntilDone() == [
                Reply.trap("protocol error: malformed sentence: unexpected word 'bogus' in command /ip/address/print (attribute words start with '=', queries with '?')", category: .apiFailure, tag: "4"),
                .done(tag: "4"),
            ])
        }
    }

    @Test func commandWithTheTagOfARunningCommandIsRefused() async throws {
        try await withRouter { router in
            let session = try await self.session(router)
            session.send("/ip/firewall/address-list/listen", ".tag=2")
            session.send("/ip/firewall/address-list/listen", ".tag=2")
            #expect(await session.readUntilDone(tag: "2") == [Reply.trap("tag 2 is already in use", category: .apiFailure, tag: "2"), .done(tag: "2")])
            // The first listen still runs.
            session.send("/ip/firewall/address-list/add", "=list=l", "=address=192.0.2.1", ".tag=3")
            var replies = await session.readUntilDone(tag: "3")
            session.send("/cancel", "=tag=2", ".tag=7")
            replies += await session.readUntilDone(tag: "2")
            let listen = replies.filter { $0.tag == "2" }
            #expect(listen.map(\.kind) == [.re, .trap, .done])
            #expect(listen.first?["address"] == "192.0.2.1")
        }
    }

    @Test func proplistQueriesAndCountOnly() async throws {
        try await withRouter { router in
            let session = try await self.session(router)
            for (list, address) in [("a", "192.0.2.1"), ("b", "192.0.2.2"), ("a", "192.0.2.3")] {
                session.send("/ip/firewall/address-list/add", "=list=\(list)", "=address=\(address)", "=comment=c")
                _ = await session.readUntilDone()
            }
            session.send("/ip/firewall/address-list/print", "=.proplist=address", "?=list=a")
            #expect(await session.readUntilDone() == [
                Reply(.re, attributes: [Attribute("address", "192.0.2.1")]),
                Reply(.re, attributes: [Attribute("address", "192.0.2.3")]),
                .done(),
            ])
            session.send("/ip/firewall/address-list/print", "=count-only=", "?list=a", "?list=b", "?#|")
            #expect(await session.readUntilDone() == [.done(ret: "3")])
        }
    }

    @Test func placeBeforeAndMoveKeepOrder() async throws {
        try await withRouter { router in
            let client = try await router.loggedIn()
            func add(_ comment: String, before: String? = nil) async throws -> String {
                var attributes = [Attribute("chain", "input"), Attribute("action", "accept"), Attribute("comment", comment)]
                if let before { attributes.append(Attribute("place-before", before)) }
                return try #require(try await client.execute(Command("/ip/firewall/filter/add", attributes: attributes)).ret)
            }
            func order() async throws -> [String] {
                try await client.execute(Command("/ip/firewall/filter/print", [".proplist": "comment"])).rows
                    .compactMap { $0["comment"] }.filter { !$0.hasPrefix("defconf") }
            }
            let a = try await add("a")
            let c = try await add("c")
            _ = try await add("b", before: c)
            #expect(try await order() == ["a", "b", "c"])
            _ = try await client.execute(Command("/ip/firewall/filter/move", ["numbers": c, "destination": a]))
            #expect(try await order() == ["c", "a", "b"])
            _ = try await client.execute(Command("/ip/firewall/filter/move", ["numbers": c]))
            #expect(try await order() == ["a", "b", "c"])
        }
    }

    @Test func readOnlyUserCannotWrite() async throws {
        let reader = MockUser(name: "auditor", password: "pw", group: .read)
        try await withRouter(users: [TestRouter.user, reader]) { router in
            let client = try await router.loggedIn(reader)
            let message = await trapMessage {
                _ = try await client.execute(Command("/ip/firewall/address-list/add", ["list": "x", "address": "192.0.2.1"]))
            }
            #expect(message == "not enough permissions (9)")
            #expect(try await client.execute(Command("/ip/firewall/address-list/print")).rows.isEmpty)
        }
    }
}
