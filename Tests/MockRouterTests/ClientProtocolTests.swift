import MockRouter
import RouterOSAPI
import Testing

/// Login, tags, concurrency, cancel, traps and lost connections, through the real client.
@Suite(.timeLimit(.minutes(5))) struct ClientProtocolTests {
    @Test func wrongPasswordIsALoginFailureWithTheRoutersMessage() async throws {
        try await withRouter { router in
            let client = try await router.connectPlain()
            await #expect {
                try await client.login(user: TestRouter.user.name, password: "wrong")
            } throws: { error in
                isRouterError(error, .loginFailed) { error in
                    error.stage == .login && error.user == TestRouter.user.name && error.reason == "invalid user name or password (6)"
                        && "\(error)" == "127.0.0.1:\(router.server.apiPort!) refused the login of user 'rosplay': invalid user name or password (6)"
                }
            }
            // The session stays open for another try, as librouteros expects.
            try await client.login(user: TestRouter.user.name, password: TestRouter.user.password)
            await client.close()
        }
    }

    @Test func commandBeforeLoginIsFatal() async throws {
        try await withRouter { router in
            let client = try await router.connectPlain()
            await #expect {
                try await client.execute(Command("/ip/address/print"))
            } throws: { error in
                isRouterError(error, .fatal) { $0.reason == "not logged in" && $0.command == "/ip/address/print" }
            }
            try await Task.sleep(for: .milliseconds(100))
            #expect(!client.isConnected)
        }
    }

    @Test func preV643ChallengeLogin() async throws {
        try await withRouter(faults: FaultInjection(legacyLogin: true)) { router in
            let client = try await router.connectPlain()
            try await client.login(user: TestRouter.user.name, password: TestRouter.user.password)
            #expect(try await client.execute(Command("/system/identity/print")).rows.count == 1)
            let other = try await router.connectPlain()
            await #expect {
                try await other.login(user: TestRouter.user.name, password: "wrong")
            } throws: { error in
                isRouterError(error, .loginFailed) { $0.reason == "invalid user name or password (6)" }
            }
        }
    }

    @Test func trapNamesTheCommandAndTheRoutersMessage() async throws {
        try await withRouter { router in
            let client = try await router.loggedIn()
            do {
                _ = try await client.execute(Command("/ip/firewall/address-list/add", ["list": "x", "address": "192.0.2.1", "bogus": "1"]))
                Issue.record("the add should have trapped")
            } catch let error as RouterOSError {
                let trap = try #require(error.trap)
                #expect(trap.message == "unknown parameter bogus")
                #expect(trap.command.hasPrefix("/ip/firewall/address-list/add"))
                #expect("\(error)".contains("unknown parameter bogus"))
            }
        }
    }

    @Test func everyTrapOfACommandIsReported() async throws {
        let traps = [Reply.trap("first problem", category: .argumentValueFailure, tag: "1"), .trap("second problem", tag: "1"), .done(tag: "1")]
        let server = try await ScriptedServer(reply: traps.flatMap { SentenceEncoder.bytes(of: $0.sentence) })
        let client = try await RouterOSClient.connect(.init(host: "127.0.0.1", port: server.port, tls: .plain))
        await #expect {
            try await client.execute(Command("/ip/address/add", ["address": "192.0.2.1/24"]))
        } throws: { error in
            isRouterError(error, .trap) { error in
                error.traps.map(\.message) == ["first problem", "second problem"] && error.trap?.category == .argumentValueFailure
                    && "\(error)" == "router refused /ip/address/add =address=192.0.2.1/24: first problem (category 1: argument value failure); second problem"
            }
        }
        await client.close()
        await server.stop()
    }

    @Test func thousandTaggedCommandsInFlightOnOneConnection() async throws {
        try await withRouter { router in
            let client = try await router.loggedIn()
            let count = 1000
            let ids = try await withThrowingTaskGroup(of: (Int, String).self) { group in
                for index in 0..<count {
                    group.addTask {
                        let response = try await client.execute(Command("/ip/firewall/address-list/add", [
                            "list": "bulk", "address": "10.\(index / 256).\(index % 256).1", "comment": "n\(index)",
                        ]))
                        return (index, try #require(response.ret))
                    }
                }
                var ids: [Int: String] = [:]
                for try await (index, id) in group { ids[index] = id }
                return ids
            }
            #expect(Set(ids.values).count == count)
            // Each reply went to the command that asked: the entry behind each id has that command's comment.
            let rows = try await client.execute(Command("/ip/firewall/address-list/print", queries: [.equals("list", "bulk")])).rows
            #expect(rows.count == count)
            let commentByID = Dictionary(uniqueKeysWithValues: rows.map { ($0[".id"]!, $0["comment"]!) })
            for (index, id) in ids { #expect(commentByID[id] == "n\(index)") }
        }
    }

    @Test func latencyDelaysRepliesWithoutSerialisingThem() async throws {
        try await withRouter(faults: FaultInjection(latency: .milliseconds(300))) { router in
            let client = try await router.loggedIn()
            let clock = ContinuousClock()
            let elapsed = try await clock.measure {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for _ in 0..<40 {
                        group.addTask { _ = try await client.execute(Command("/system/identity/print")) }
                    }
                    try await group.waitForAll()
                }
            }
            // Serialised, 40 replies at 300 ms each would take 12 s.
            #expect(elapsed >= .milliseconds(300))
            #expect(elapsed < .seconds(6))
        }
    }

    @Test func cancelEndsAStreamCleanly() async throws {
        try await withRouter { router in
            let watcher = try await router.loggedIn()
            let writer = try await router.loggedIn()
            let stream = watcher.stream(Command("/ip/firewall/address-list/listen"))
            // Make sure the listen is registered before the change.
            _ = try await watcher.execute(Command("/system/identity/print"))
            let id = try #require(try await writer.execute(Command("/ip/firewall/address-list/add", ["list": "seen", "address": "192.0.2.9"])).ret)
            var iterator = stream.makeAsyncIterator()
            let row = try #require(try await iterator.next())
            #expect(row[".id"] == id)
            #expect(row["address"] == "192.0.2.9")
            try await stream.cancel()
            #expect(try await iterator.next() == nil)
            // The connection is still usable.
            #expect(try await watcher.execute(Command("/system/identity/print")).rows.count == 1)
        }
    }

    @Test func removalIsStreamedAsDead() async throws {
        try await withRouter { router in
            let watcher = try await router.loggedIn()
            let id = try #require(try await watcher.execute(Command("/ip/firewall/address-list/add", ["list": "x", "address": "192.0.2.10"])).ret)
            let stream = watcher.stream(Command("/ip/firewall/address-list/listen"))
            _ = try await watcher.execute(Command("/system/identity/print"))
            _ = try await watcher.execute(Command("/ip/firewall/address-list/remove", [".id": id]))
            var iterator = stream.makeAsyncIterator()
            let row = try #require(try await iterator.next())
            #expect(row[".id"] == id)
            #expect(row[".dead"] == "true")
            try await stream.cancel()
        }
    }

    @Test func droppedConnectionFailsEveryCommandInFlight() async throws {
        // Sentences 1 (login) and 2 are answered; the 3rd closes the session.
        try await withRouter(faults: FaultInjection(latency: .seconds(3), dropAfterSentences: 3)) { router in
            let client = try await router.loggedIn()
            let slow = Task { try await client.execute(Command("/system/identity/print")) }
            try await Task.sleep(for: .milliseconds(20))
            await #expect {
                try await client.execute(Command("/ip/firewall/address-list/add", ["list": "x", "address": "192.0.2.1"]))
            } throws: { error in
                isRouterError(error, .connectionLost) { $0.command?.hasPrefix("/ip/firewall/address-list/add") == true }
            }
            await #expect(throws: RouterOSError.self) { try await slow.value }
            #expect(!client.isConnected)
            // A new session is not affected.
            let again = try await router.loggedIn()
            #expect(try await again.execute(Command("/system/identity/print")).rows.count == 1)
        }
    }

    @Test func commandOnAClosedConnectionFailsInsteadOfHanging() async throws {
        try await withRouter { router in
            let client = try await router.loggedIn()
            await client.close()
            await #expect(throws: RouterOSError.self) {
                try await client.execute(Command("/system/identity/print"))
            }
            let stream = client.stream(Command("/ip/firewall/address-list/listen"))
            await #expect(throws: RouterOSError.self) {
                for try await _ in stream {}
            }
        }
    }

    @Test func callerTagsAreReplacedSoTheyCannotCollide() async throws {
        try await withRouter { router in
            let client = try await router.loggedIn()
            let stream = client.stream(Command("/ip/firewall/address-list/listen", tag: "1"))
            // Kept, a caller's tag equal to the stream's would take over the stream's entry in flight.
            _ = try await client.execute(Command("/system/identity/print", tag: stream.tag))
            _ = try await client.execute(Command("/ip/firewall/address-list/add", ["list": "t", "address": "192.0.2.7"]))
            var rows = stream.makeAsyncIterator()
            #expect(try await rows.next()?["address"] == "192.0.2.7")
            try await stream.cancel()
        }
    }

    @Test func loginTimeoutNamesTheLoginAndKeepsTheConnection() async throws {
        // The reply comes after 2 s, the login timeout is 200 ms: a timeout error proves it fired first.
        try await withRouter(faults: FaultInjection(latency: .seconds(2))) { router in
            let client = try await RouterOSClient.connect(.init(
                host: "127.0.0.1", port: router.server.apiPort!, tls: .plain, loginTimeout: .milliseconds(200)))
            await #expect {
                try await client.login(user: TestRouter.user.name, password: TestRouter.user.password)
            } throws: { error in
                isRouterError(error, .timedOut) { error in
                    error.stage == .login && error.target == RouterAddress(host: "127.0.0.1", port: router.server.apiPort!)
                        && error.timeout == .milliseconds(200)
                }
            }
            // The late `!done` finds nothing waiting for it and is ignored.
            try await Task.sleep(for: .seconds(2))
            #expect(client.isConnected)
            await client.close()
        }
    }

    @Test func aCommandsOwnTimeoutOverridesTheConnectionsAndNamesTheCommand() async throws {
        try await withRouter(faults: FaultInjection(latency: .seconds(1))) { router in
            let client = try await RouterOSClient.connect(.init(
                host: "127.0.0.1", port: router.server.apiPort!, tls: .plain, credentials: TestRouter.credentials, commandTimeout: .seconds(30)))
            await #expect {
                try await client.execute(Command("/system/identity/print"), timeout: .milliseconds(200))
            } throws: { error in
                isRouterError(error, .timedOut) { error in
                    error.stage == .command && error.command?.hasPrefix("/system/identity/print") == true && error.timeout == .milliseconds(200)
                        && "\(error)".contains("did not finish /system/identity/print within 0.2s")
                }
            }
            await client.close()
        }
    }

    @Test func untaggedDoneWhileCommandsAreInFlightFailsThemAndCloses() async throws {
        let server = try await ScriptedServer(reply: SentenceEncoder.bytes(of: Reply.done().sentence))
        let client = try await RouterOSClient.connect(.init(host: "127.0.0.1", port: server.port, tls: .plain))
        await #expect {
            try await client.execute(Command("/system/identity/print"))
        } throws: { error in
            isRouterError(error, .connectionLost) { $0.reason == "protocol error: malformed sentence: untagged !done while tagged commands are in flight" }
        }
        #expect(await eventually { !client.isConnected })
        await server.stop()
    }

    @Test func connectionClosedInTheMiddleOfASentenceIsAProtocolError() async throws {
        let truncated = Array(SentenceEncoder.bytes(of: Sentence(["!re", "=name=x"])).dropLast())
        let server = try await ScriptedServer(reply: truncated, thenClose: true)
        let client = try await RouterOSClient.connect(.init(host: "127.0.0.1", port: server.port, tls: .plain))
        await #expect {
            try await client.execute(Command("/system/identity/print"))
        } throws: { error in
            isRouterError(error, .connectionLost) { $0.reason == "protocol error: malformed sentence: connection closed in the middle of a sentence" }
        }
        await server.stop()
    }

    @Test func stoppingTheRouterClosesOpenSessions() async throws {
        let router = try await TestRouter.start()
        let client = try await router.loggedIn()
        try await router.stop()
        #expect(await eventually { !client.isConnected })
    }

    @Test func quitIsFatal() async throws {
        try await withRouter { router in
            let client = try await router.loggedIn()
            await #expect {
                try await client.execute(Command("/quit"))
            } throws: { error in
                isRouterError(error, .fatal) { $0.reason == "session terminated on request" }
            }
        }
    }
}
