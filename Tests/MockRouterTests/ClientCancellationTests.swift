import MockRouter
import NIOConcurrencyHelpers
import RouterOSAPI
import Testing

/// Task cancellation and reply bounds, through the real client against MockRouter.
@Suite(.timeLimit(.minutes(5))) struct ClientCancellationTests {
    @Test func cancellingTheAwaitingTaskThrowsAtOnceAndKeepsTheConnection() async throws {
        // Every reply takes 8 s: a CancellationError before then proves the caller did not wait
        // for the reply (on an idle machine it comes in milliseconds; a loaded one took 5.4 s).
        try await withRouter(faults: FaultInjection(latency: .seconds(8))) { router in
            let client = try await router.loggedIn()
            let clock = ContinuousClock()
            let start = clock.now
            let task = Task { try await client.execute(Command("/system/identity/print")) }
            try await Task.sleep(for: .milliseconds(100))
            task.cancel()
            await #expect(throws: CancellationError.self) { try await task.value }
            #expect(clock.now - start < .seconds(8))
            // The command's late `!done` and the `/cancel`'s are recognised and dropped.
            #expect(try await client.execute(Command("/system/identity/print")).rows.count == 1)
            #expect(client.isConnected)
            await client.close()
        }
    }

    @Test func aTaskCancelledBeforeTheCallSendsNothing() async throws {
        try await withRouter { router in
            let client = try await router.loggedIn()
            let task = Task {
                withUnsafeCurrentTask { $0?.cancel() }
                return try await client.execute(Command("/ip/firewall/address-list/add", ["list": "never", "address": "192.0.2.1"]))
            }
            await #expect(throws: CancellationError.self) { try await task.value }
            let rows = try await client.execute(Command("/ip/firewall/address-list/print", queries: [.equals("list", "never")])).rows
            #expect(rows.isEmpty)
        }
    }

    @Test func cancellingTheConsumingTaskEndsTheStreamWithoutError() async throws {
        try await withRouter { router in
            let watcher = try await router.loggedIn()
            let writer = try await router.loggedIn()
            let stream = watcher.stream(Command("/ip/firewall/address-list/listen"))
            _ = try await watcher.execute(Command("/system/identity/print"))
            let seen = NIOLockedValueBox<[String]>([])
            let consumer = Task {
                for try await row in stream { seen.withLockedValue { $0.append(row["address"] ?? "") } }
            }
            _ = try await writer.execute(Command("/ip/firewall/address-list/add", ["list": "seen", "address": "192.0.2.9"]))
            // Cancelled once the row has arrived (however long a loaded machine takes to deliver it).
            #expect(await eventually(within: .seconds(20)) { !seen.withLockedValue { $0 }.isEmpty })
            consumer.cancel()
            try await consumer.value
            #expect(seen.withLockedValue { $0 } == ["192.0.2.9"])
            // The router's `interrupted` and `!done` for the stream, and the `/cancel`'s `!done`, are dropped.
            #expect(try await watcher.execute(Command("/system/identity/print")).rows.count == 1)
            #expect(watcher.isConnected)
        }
    }

    @Test func aReplyPastTheRowLimitFailsTheCommandAndKeepsTheConnection() async throws {
        try await withRouter { router in
            let client = try await RouterOSClient.connect(.init(
                host: "127.0.0.1", port: router.server.apiPort!, tls: .plain, credentials: TestRouter.credentials,
                replyLimits: ReplyLimits(maximumRows: 3, maximumBytes: 1 << 20)))
            await #expect {
                try await client.execute(Command("/interface/print"))
            } throws: { error in
                isRouterError(error, .replyTooLarge) { $0.command == "/interface/print" && $0.replyLimit == .rows(3) }
            }
            #expect(try await client.execute(Command("/system/identity/print")).rows.count == 1)
            #expect(client.isConnected)
            await client.close()
        }
    }
}
