import MockRouter
import RouterOSAPI
import Testing

/// Regression tests for numbers that once killed mock-routeros: each is refused with a `!trap`,
/// and the router answers the next command.
@Suite(.timeLimit(.minutes(5))) struct HostileNumberTests {
    static let reader = MockUser(name: "reader", password: "read-only-pw", group: .read)

    func session(_ router: TestRouter, as user: MockUser) async throws -> RawSession {
        let session = try await RawSession(port: router.server.apiPort!)
        session.send("/login", "=name=\(user.name)", "=password=\(user.password)")
        #expect(await session.readUntilDone() == [Reply.done()])
        return session
    }

    func stillAnswers(_ session: RawSession) async {
        session.send("/system/identity/print", ".tag=after")
        let replies = await session.readUntilDone(tag: "after")
        #expect(replies.first?.kind == .re && replies.last == .done(tag: "after"), "\(replies)")
    }

    @Test func hugeQueryIndexFromAReadOnlyUserIsATrap() async throws {
        try await withRouter(users: [TestRouter.user, Self.reader]) { router in
            let session = try await self.session(router, as: Self.reader)
            session.send("/ip/address/print", "?#99999999999999999999", ".tag=1")
            #expect(await session.readUntilDone(tag: "1") == [
                Reply.trap("protocol error: malformed sentence: query word '?#99999999999999999999': stack index out of range", category: .apiFailure, tag: "1"),
                .done(tag: "1"),
            ])
            session.send("/ip/address/print", "?#-1", ".tag=2")
            #expect(await session.readUntilDone(tag: "2").first?.kind == .trap)
            await self.stillAnswers(session)
        }
    }

    @Test func intervalTooLongToHoldIsOutOfRange() async throws {
        try await withRouter { router in
            let session = try await self.session(router, as: TestRouter.user)
            session.send("/ip/firewall/address-list/add", "=list=l", "=address=192.0.2.1", "=timeout=9999999999999:00:00", ".tag=1")
            #expect(await session.readUntilDone(tag: "1") == [
                Reply.trap("value of timeout is out of range (00:00:00 .. 248d13:13:56)", category: .argumentValueFailure, tag: "1"),
                .done(tag: "1"),
            ])
            // A duration without a catalogued range: the most an interval holds.
            session.send("/ipv6/firewall/address-list/add", "=list=l", "=address=2001:db8::/48", "=timeout=99999999999999999999", ".tag=2")
            #expect(await session.readUntilDone(tag: "2") == [
                Reply.trap("value of timeout is out of range (00:00:00 .. 106751991167d07:12:55.807)", category: .argumentValueFailure, tag: "2"),
                .done(tag: "2"),
            ])
            await self.stillAnswers(session)
        }
    }
}
