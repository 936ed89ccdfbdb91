import MockRouter
import RouterOSAPI
import Testing

/// `/user/active` lists the logged-in API sessions, as RouterOS prints them.
@Suite(.timeLimit(.minutes(5))) struct UserActiveTests {
    @Test func loggedInSessionsAreListedAndLeaveWhenTheyClose() async throws {
        let reader = MockUser(name: "watcher", password: "pw", group: .read)
        try await withRouter(users: [TestRouter.user, reader]) { router in
            let client = try await router.loggedIn()
            let other = try await router.loggedIn(reader)
            let rows = try await client.execute(Command("/user/active/print")).rows
            #expect(rows.map { $0["name"] } == ["rosplay", "watcher"])
            #expect(rows.allSatisfy { $0["via"] == "api" && $0["address"] == "127.0.0.1" })
            #expect(rows.map { $0["group"] } == ["full", "read"])
            #expect(rows.allSatisfy { $0["when"]?.count == 19 && $0[".id"] != nil })
            let mine = try await client.execute(Command("/user/active/print", queries: [.equals("name", "rosplay")])).rows
            #expect(mine.count == 1)

            await other.close()
            #expect(try await eventually { try await client.execute(Command("/user/active/print")).rows.count == 1 })
        }
    }

    @Test func aSessionBeforeLoginIsNotListed() async throws {
        try await withRouter { router in
            let unauthenticated = try await router.connectPlain()
            let client = try await router.loggedIn()
            #expect(try await client.execute(Command("/user/active/print")).rows.count == 1)
            await unauthenticated.close()
        }
    }
}
