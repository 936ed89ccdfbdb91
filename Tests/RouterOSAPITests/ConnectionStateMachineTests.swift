import Testing
@testable import RouterOSAPI

/// Every transition of the connection state machine, without a socket: callers are strings.
struct ConnectionStateMachineTests {
    typealias Machine = ConnectionStateMachine<String, String>

    /// An action in a form tests can compare: callers by name, errors by description.
    enum Outcome: Equatable {
        case none
        case yield(Row, to: String)
        case succeed(String, rows: [Row], ret: String?)
        case finish(String)
        case fail(String, String, cancel: Sentence? = nil)
        case failAll([String: String], close: Bool)
    }

    static let target = RouterAddress(host: "192.0.2.1", port: 8729)

    static func machine(limits: ReplyLimits = .default) -> Machine {
        Machine(target: target, limits: limits)
    }

    static func command(_ path: String = "/ip/address/print", tag: String) -> Command {
        Command(path, tag: tag)
    }

    static func cancel(_ tag: String) -> Sentence {
        Command("/cancel", ["tag": tag], tag: "cancel-\(tag)").sentence
    }

    static func row(_ name: String) -> Reply {
        Reply(.re, attributes: [Attribute("name", name)], tag: nil)
    }

    static func reply(_ reply: Reply, tag: String?) -> Reply {
        var reply = reply
        reply.tag = tag
        return reply
    }

    static func re(_ name: String, tag: String?) -> Reply {
        reply(row(name), tag: tag)
    }

    /// The description of a command's error at ``target``.
    static func error(
        _ code: RouterOSError.Code, _ command: String, reason: String? = nil, traps: [RouterOSTrap] = [],
        timeout: Duration? = nil, limit: ReplyLimit? = nil
    ) -> String {
        RouterOSError(code, stage: .command, target: target, command: command, traps: traps, reason: reason,
                      timeout: timeout, replyLimit: limit).description
    }

    static func lost(_ command: String, _ reason: String) -> String {
        error(.connectionLost, command, reason: reason)
    }

    // MARK: - Writing

    @Test func aCollectedCommandIsWrittenWithItsTimeout() {
        var machine = Self.machine()
        let command = Self.command(tag: "1")
        guard case .write(let sentence, "1", .seconds(5)) = machine.send(command, for: .collect("p1"), timeout: .seconds(5)) else {
            Issue.record("expected a write with the timeout")
            return
        }
        #expect(sentence == command.sentence)
        #expect(machine.isHolding("1"))
    }

    @Test func aStreamIsNeverTimedOut() {
        var machine = Self.machine()
        guard case .write(_, "1", nil) = machine.send(Self.command(tag: "1"), for: .stream("s1"), timeout: .seconds(5)) else {
            Issue.record("a stream must not get a timer")
            return
        }
        #expect(machine.timedOut(tag: "1").outcome == .none)
    }

    @Test func aDuplicateTagIsRefusedAndTheFirstCommandKeepsIt() {
        var machine = Self.machine()
        _ = machine.send(Self.command(tag: "1"), for: .collect("p1"), timeout: nil)
        guard case .refuse(let error) = machine.send(Self.command("/system/identity/print", tag: "1"), for: .collect("p2"), timeout: nil) else {
            Issue.record("a tag in flight must be refused")
            return
        }
        #expect(error.description == Self.error(.tagInUse, "/system/identity/print", reason: "tag 1 is already in flight"))
        #expect(machine.received(Self.re("a", tag: "1")).outcome == .none)
        #expect(machine.received(.done(tag: "1")).outcome == .succeed("p1", rows: [Row([Attribute("name", "a")])], ret: nil))
    }

    // MARK: - Replies

    @Test func rowsAreCollectedUntilDone() {
        var machine = Self.machine()
        _ = machine.send(Self.command(tag: "1"), for: .collect("p1"), timeout: nil)
        _ = machine.send(Self.command(tag: "2"), for: .collect("p2"), timeout: nil)
        #expect(machine.received(Self.re("a", tag: "1")).outcome == .none)
        #expect(machine.received(Self.re("x", tag: "2")).outcome == .none)
        #expect(machine.received(Self.re("b", tag: "1")).outcome == .none)
        #expect(machine.received(.done(ret: "*1", tag: "1")).outcome
            == .succeed("p1", rows: [Row([Attribute("name", "a")]), Row([Attribute("name", "b")])], ret: "*1"))
        #expect(!machine.isHolding("1"))
        #expect(machine.received(.done(tag: "2")).outcome == .succeed("p2", rows: [Row([Attribute("name", "x")])], ret: nil))
    }

    @Test func emptyThenDoneIsAnEmptyResponse() {
        var machine = Self.machine()
        _ = machine.send(Self.command(tag: "1"), for: .collect("p1"), timeout: nil)
        #expect(machine.received(Reply(.empty, tag: "1")).outcome == .none)
        #expect(machine.received(Reply(.other("!unknown"), tag: "1")).outcome == .none)
        #expect(machine.received(.done(tag: "1")).outcome == .succeed("p1", rows: [], ret: nil))
    }

    @Test func trapsAreReportedAtDone() {
        var machine = Self.machine()
        _ = machine.send(Self.command("/ip/address/add", tag: "1"), for: .collect("p1"), timeout: nil)
        #expect(machine.received(.trap("no such item", category: .argumentValueFailure, tag: "1")).outcome == .none)
        #expect(machine.received(.trap("and another", tag: "1")).outcome == .none)
        let first = RouterOSTrap(category: .argumentValueFailure, message: "no such item", command: "/ip/address/add")
        let second = RouterOSTrap(category: nil, message: "and another", command: "/ip/address/add")
        #expect(machine.received(.done(tag: "1")).outcome
            == .fail("p1", Self.error(.trap, "/ip/address/add", traps: [first, second])))
        #expect(Self.error(.trap, "/ip/address/add", traps: [first, second])
            == "router refused /ip/address/add: no such item (category 1: argument value failure); and another")
    }

    @Test func aStreamYieldsRowsAndEndsCleanlyWhenInterrupted() {
        var machine = Self.machine()
        _ = machine.send(Self.command("/ip/address/listen", tag: "1"), for: .stream("s1"), timeout: nil)
        #expect(machine.received(Self.re("a", tag: "1")).outcome == .yield(Row([Attribute("name", "a")]), to: "s1"))
        #expect(machine.received(.trap("interrupted", category: .interrupted, tag: "1")).outcome == .none)
        #expect(machine.received(.done(tag: "1")).outcome == .finish("s1"))
    }

    @Test func aStreamFailsOnAnyOtherTrap() {
        var machine = Self.machine()
        _ = machine.send(Self.command("/ip/address/listen", tag: "1"), for: .stream("s1"), timeout: nil)
        #expect(machine.received(.trap("no such command", category: .missingItemOrCommand, tag: "1")).outcome == .none)
        let trap = RouterOSTrap(category: .missingItemOrCommand, message: "no such command", command: "/ip/address/listen")
        #expect(machine.received(.done(tag: "1")).outcome == .fail("s1", Self.error(.trap, "/ip/address/listen", traps: [trap])))
    }

    // MARK: - Protocol errors

    @Test(arguments: [Reply.done(), Reply.trap("oops"), Reply(.re, attributes: [Attribute("name", "a")])])
    func anUntaggedReplyWhileCommandsAreInFlightFailsTheConnection(reply: Reply) {
        var machine = Self.machine()
        _ = machine.send(Self.command(tag: "1"), for: .collect("p1"), timeout: nil)
        _ = machine.send(Self.command("/ip/address/listen", tag: "2"), for: .stream("s2"), timeout: nil)
        let reason = "protocol error: malformed sentence: untagged \(reply.kind) while tagged commands are in flight"
        #expect(machine.received(reply).outcome == .failAll([
            "p1": Self.lost("/ip/address/print", reason),
            "s2": Self.lost("/ip/address/listen", reason),
        ], close: true))
        guard case .refuse(let error) = machine.send(Self.command(tag: "3"), for: .collect("p3"), timeout: nil) else {
            Issue.record("a failed connection must refuse commands")
            return
        }
        #expect(error.description == Self.lost("/ip/address/print", reason))
    }

    @Test func anUntaggedDoneWithNothingInFlightFailsTheConnectionToo() {
        var machine = Self.machine()
        #expect(machine.received(.done()).outcome == .failAll([:], close: true))
        guard case .refuse = machine.send(Self.command(tag: "1"), for: .collect("p1"), timeout: nil) else {
            Issue.record("a failed connection must refuse commands")
            return
        }
    }

    @Test func anUntaggedEmptyIsIgnored() {
        var machine = Self.machine()
        _ = machine.send(Self.command(tag: "1"), for: .collect("p1"), timeout: nil)
        #expect(machine.received(Reply(.empty)).outcome == .none)
        #expect(machine.received(.done(tag: "1")).outcome == .succeed("p1", rows: [], ret: nil))
    }

    @Test(arguments: [Reply.done(tag: "7"), Reply.trap("oops", tag: "7"), Reply(.empty, tag: "7"), Reply(.re, attributes: [Attribute("name", "a")], tag: "7")])
    func aReplyForATagNobodyHoldsFailsTheConnection(reply: Reply) {
        var machine = Self.machine()
        _ = machine.send(Self.command(tag: "1"), for: .collect("p1"), timeout: nil)
        let reason = "protocol error: malformed sentence: \(reply.kind) for tag 7, which no command in flight holds"
        #expect(machine.received(reply).outcome == .failAll(["p1": Self.lost("/ip/address/print", reason)], close: true))
    }

    @Test func anEmptyTagFailsTheConnection() {
        var machine = Self.machine()
        _ = machine.send(Self.command(tag: "1"), for: .collect("p1"), timeout: nil)
        let reason = "protocol error: malformed sentence: empty-tagged !done while tagged commands are in flight"
        #expect(machine.received(.done(tag: "")).outcome == .failAll(["p1": Self.lost("/ip/address/print", reason)], close: true))
    }

    // MARK: - Fatal, errors, closing

    @Test func fatalFailsEveryCommandInFlightAndLaterRepliesAreIgnored() {
        var machine = Self.machine()
        _ = machine.send(Self.command(tag: "1"), for: .collect("p1"), timeout: nil)
        _ = machine.send(Self.command("/ip/address/listen", tag: "2"), for: .stream("s2"), timeout: nil)
        #expect(machine.received(.fatal("session terminated on request")).outcome == .failAll([
            "p1": Self.error(.fatal, "/ip/address/print", reason: "session terminated on request"),
            "s2": Self.error(.fatal, "/ip/address/listen", reason: "session terminated on request"),
        ], close: true))
        #expect(machine.received(.done(tag: "1")).outcome == .none)
        #expect(machine.received(.done(tag: "99")).outcome == .none)
        #expect(machine.errorCaught(ProtocolError.controlByte(0xF8)).outcome == .none)
        guard case .refuse(let error) = machine.send(Self.command(tag: "3"), for: .collect("p3"), timeout: nil) else {
            Issue.record("a closing connection must refuse commands")
            return
        }
        #expect(error.description == Self.lost("/ip/address/print", "session terminated on request"))
        #expect(machine.channelInactive().outcome == .none)
    }

    @Test func aCaughtErrorFailsEveryCommandOnce() {
        var machine = Self.machine()
        _ = machine.send(Self.command(tag: "1"), for: .collect("p1"), timeout: nil)
        let error = ProtocolError.controlByte(0xF8)
        #expect(machine.errorCaught(error).outcome == .failAll(["p1": Self.lost("/ip/address/print", error.description)], close: true))
        #expect(machine.errorCaught(error).outcome == .none)
        #expect(machine.channelInactive().outcome == .none)
    }

    @Test func theRouterClosingFailsEveryCommand() {
        var machine = Self.machine()
        _ = machine.send(Self.command(tag: "1"), for: .collect("p1"), timeout: .seconds(1))
        #expect(machine.channelInactive().outcome
            == .failAll(["p1": Self.lost("/ip/address/print", "connection closed by the router")], close: false))
        #expect(machine.received(.done(tag: "1")).outcome == .none)
        #expect(machine.timedOut(tag: "1").outcome == .none)
        #expect(machine.channelInactive().outcome == .none)
        guard case .refuse(let error) = machine.send(Self.command(tag: "2"), for: .collect("p2"), timeout: nil) else {
            Issue.record("a closed connection must refuse commands")
            return
        }
        #expect(error.description == Self.lost("/ip/address/print", "connection closed by the router"))
    }

    @Test func closingLocallyFailsEveryCommandAndNamesTheClient() {
        var machine = Self.machine()
        _ = machine.send(Self.command(tag: "1"), for: .collect("p1"), timeout: nil)
        #expect(machine.closeRequested().outcome
            == .failAll(["p1": Self.lost("/ip/address/print", "connection closed by the client")], close: false))
        #expect(machine.closeRequested().outcome == .none)
        #expect(machine.received(.done(tag: "1")).outcome == .none)
        #expect(machine.channelInactive().outcome == .none)
        guard case .refuse(let error) = machine.send(Self.command(tag: "2"), for: .collect("p2"), timeout: nil) else {
            Issue.record("a closed connection must refuse commands")
            return
        }
        #expect(error.description == Self.lost("/ip/address/print", "connection closed by the client"))
    }

    // MARK: - Races

    @Test func aTimeoutBeforeDoneWinsAndTheLateRepliesAreDropped() {
        var machine = Self.machine()
        _ = machine.send(Self.command(tag: "1"), for: .collect("p1"), timeout: .milliseconds(200))
        let timedOut = Self.error(.timedOut, "/ip/address/print", timeout: .milliseconds(200))
        #expect(machine.timedOut(tag: "1").outcome == .fail("p1", timedOut))
        #expect(machine.timedOut(tag: "1").outcome == .none)
        // The tag stays held until the router's `!done`, which is not a protocol error.
        guard case .refuse = machine.send(Self.command(tag: "1"), for: .collect("p2"), timeout: nil) else {
            Issue.record("the tag must stay held until !done")
            return
        }
        #expect(machine.received(Self.re("a", tag: "1")).outcome == .none)
        #expect(machine.received(.trap("late", tag: "1")).outcome == .none)
        #expect(machine.received(.done(tag: "1")).outcome == .none)
        #expect(!machine.isHolding("1"))
        guard case .write = machine.send(Self.command(tag: "1"), for: .collect("p2"), timeout: nil) else {
            Issue.record("the tag is free after !done")
            return
        }
    }

    @Test func aDoneBeforeTheTimeoutWinsAndTheTimerIsIgnored() {
        var machine = Self.machine()
        _ = machine.send(Self.command(tag: "1"), for: .collect("p1"), timeout: .milliseconds(200))
        #expect(machine.received(.done(tag: "1")).outcome == .succeed("p1", rows: [], ret: nil))
        #expect(machine.timedOut(tag: "1").outcome == .none)
    }

    @Test func cancellingBeforeDoneFailsAtOnceAndSendsCancel() {
        var machine = Self.machine()
        _ = machine.send(Self.command(tag: "1"), for: .collect("p1"), timeout: .seconds(60))
        #expect(machine.cancel(tag: "1").outcome == .fail("p1", "\(CancellationError())", cancel: Self.cancel("1")))
        #expect(machine.cancel(tag: "1").outcome == .none)
        #expect(machine.timedOut(tag: "1").outcome == .none)
        // What the router answers the cancelled command and the `/cancel` is dropped.
        #expect(machine.received(.trap("interrupted", category: .interrupted, tag: "1")).outcome == .none)
        #expect(machine.received(.done(tag: "1")).outcome == .none)
        #expect(machine.received(.done(tag: "cancel-1")).outcome == .none)
        #expect(!machine.isHolding("1"))
        #expect(!machine.isHolding("cancel-1"))
    }

    @Test func cancellingAfterDoneChangesNothing() {
        var machine = Self.machine()
        _ = machine.send(Self.command(tag: "1"), for: .collect("p1"), timeout: nil)
        #expect(machine.received(.done(tag: "1")).outcome == .succeed("p1", rows: [], ret: nil))
        #expect(machine.cancel(tag: "1").outcome == .none)
        #expect(!machine.isHolding("cancel-1"))
    }

    @Test func cancellingAStreamStopsItsRows() {
        var machine = Self.machine()
        _ = machine.send(Self.command("/ip/address/listen", tag: "1"), for: .stream("s1"), timeout: nil)
        #expect(machine.cancel(tag: "1").outcome == .fail("s1", "\(CancellationError())", cancel: Self.cancel("1")))
        #expect(machine.received(Self.re("a", tag: "1")).outcome == .none)
        #expect(machine.received(.done(tag: "1")).outcome == .none)
    }

    // MARK: - Bounds

    @Test func tooManyRowsFailTheCommandAndKeepTheConnection() {
        var machine = Self.machine(limits: ReplyLimits(maximumRows: 2, maximumBytes: 1 << 20))
        _ = machine.send(Self.command(tag: "1"), for: .collect("p1"), timeout: nil)
        #expect(machine.received(Self.re("a", tag: "1")).outcome == .none)
        #expect(machine.received(Self.re("b", tag: "1")).outcome == .none)
        let error = Self.error(.replyTooLarge, "/ip/address/print", limit: .rows(2))
        #expect(machine.received(Self.re("c", tag: "1")).outcome == .fail("p1", error, cancel: Self.cancel("1")))
        for index in 0..<10 {
            #expect(machine.received(Self.re("\(index)", tag: "1")).outcome == .none)
        }
        #expect(machine.received(.done(tag: "1")).outcome == .none)
        _ = machine.send(Self.command(tag: "2"), for: .collect("p2"), timeout: nil)
        #expect(machine.received(.done(tag: "2")).outcome == .succeed("p2", rows: [], ret: nil))
    }

    @Test func tooManyBytesFailTheCommand() {
        var machine = Self.machine(limits: ReplyLimits(maximumRows: 100, maximumBytes: 20))
        _ = machine.send(Self.command(tag: "1"), for: .collect("p1"), timeout: nil)
        // `name` + 10 bytes: 14 bytes a row.
        #expect(machine.received(Self.re(String(repeating: "x", count: 10), tag: "1")).outcome == .none)
        let error = Self.error(.replyTooLarge, "/ip/address/print", limit: .bytes(20))
        #expect(machine.received(Self.re(String(repeating: "y", count: 10), tag: "1")).outcome
            == .fail("p1", error, cancel: Self.cancel("1")))
        #expect("\(error)" == "/ip/address/print returned more than 20 bytes; it was cancelled")
    }

    @Test func endlessTrapsAreBoundedToo() {
        var machine = Self.machine(limits: ReplyLimits(maximumRows: 1, maximumBytes: 1 << 20))
        _ = machine.send(Self.command(tag: "1"), for: .stream("s1"), timeout: nil)
        #expect(machine.received(.trap("one", tag: "1")).outcome == .none)
        let error = Self.error(.replyTooLarge, "/ip/address/print", limit: .rows(1))
        #expect(machine.received(.trap("two", tag: "1")).outcome == .fail("s1", error, cancel: Self.cancel("1")))
    }

    // MARK: - Backpressure

    @Test func aBackedUpStreamPausesReadingUntilItDrains() {
        var machine = Self.machine()
        _ = machine.send(Self.command("/ip/address/listen", tag: "1"), for: .stream("s1"), timeout: nil)
        _ = machine.send(Self.command("/log/listen", tag: "2"), for: .stream("s2"), timeout: nil)
        #expect(!machine.isReadingPaused)
        machine.streamBackedUp(tag: "1")
        machine.streamBackedUp(tag: "2")
        #expect(machine.isReadingPaused)
        // One consumer catching up is not enough: the connection reads for both.
        machine.streamDrained(tag: "1")
        #expect(machine.isReadingPaused)
        machine.streamDrained(tag: "2")
        #expect(!machine.isReadingPaused)
    }

    @Test func aBackedUpStreamThatEndsOrIsCancelledNoLongerHoldsReading() {
        var machine = Self.machine()
        _ = machine.send(Self.command("/ip/address/listen", tag: "1"), for: .stream("s1"), timeout: nil)
        machine.streamBackedUp(tag: "1")
        // Its `/cancel` must be answered, and the answer read.
        #expect(machine.cancel(tag: "1").outcome == .fail("s1", "CancellationError()", cancel: Self.cancel("1")))
        #expect(!machine.isReadingPaused)
        _ = machine.send(Self.command("/log/listen", tag: "2"), for: .stream("s2"), timeout: nil)
        machine.streamBackedUp(tag: "2")
        #expect(machine.received(.done(tag: "2")).outcome == .finish("s2"))
        #expect(!machine.isReadingPaused)
        _ = machine.send(Self.command("/log/listen", tag: "3"), for: .stream("s3"), timeout: nil)
        machine.streamBackedUp(tag: "3")
        _ = machine.received(.fatal("session terminated on request"))
        #expect(!machine.isReadingPaused)
    }

    /// `ReplyStream.cancel()` sends `/cancel` while the stream's consumer is still behind: reading
    /// must resume, or the `/cancel`'s own `!done` is never read and the call waits out its timeout.
    @Test func aCancelSentForABackedUpStreamResumesReading() {
        var machine = Self.machine()
        _ = machine.send(Self.command("/ip/address/listen", tag: "1"), for: .stream("s1"), timeout: nil)
        machine.streamBackedUp(tag: "1")
        #expect(machine.isReadingPaused)
        _ = machine.send(Command("/cancel", ["tag": "1"], tag: "c1"), for: .collect("p1"), timeout: .seconds(60))
        #expect(!machine.isReadingPaused)
        #expect(machine.received(.done(tag: "c1")).outcome == .succeed("p1", rows: [], ret: nil))
    }

    @Test func onlyAStreamCanHoldReadingBack() {
        var machine = Self.machine()
        _ = machine.send(Self.command(tag: "1"), for: .collect("p1"), timeout: nil)
        machine.streamBackedUp(tag: "1")
        machine.streamBackedUp(tag: "99")
        #expect(!machine.isReadingPaused)
    }

    @Test func aStreamWhoseConsumerFellBehindFails() {
        var machine = Self.machine(limits: ReplyLimits(maximumRows: 5, maximumBytes: 1 << 20))
        _ = machine.send(Self.command("/ip/address/listen", tag: "1"), for: .stream("s1"), timeout: nil)
        let error = Self.error(.replyTooLarge, "/ip/address/listen", limit: .rows(5))
        #expect(machine.streamFellBehind(tag: "1").outcome == .fail("s1", error, cancel: Self.cancel("1")))
        #expect(machine.streamFellBehind(tag: "1").outcome == .none)
    }

    @Test func collectingManyRowsTakesLinearTime() {
        var machine = Self.machine()
        _ = machine.send(Self.command(tag: "1"), for: .collect("p1"), timeout: nil)
        let count = 200_000
        let elapsed = ContinuousClock().measure {
            for index in 0..<count { _ = machine.received(Self.re("\(index)", tag: "1")) }
        }
        guard case .succeed(_, let response, _) = machine.received(.done(tag: "1")) else {
            Issue.record("expected the response")
            return
        }
        #expect(response.rows.count == count)
        // Copying the rows on every append would take minutes.
        #expect(elapsed < .seconds(30))
    }
}

extension ConnectionStateMachine<String, String>.Action {
    var outcome: ConnectionStateMachineTests.Outcome {
        switch self {
        case .none: return .none
        case .yield(let row, let continuation, _): return .yield(row, to: continuation)
        case .succeed(let promise, let response, _): return .succeed(promise, rows: response.rows, ret: response.ret)
        case .finish(let continuation, _): return .finish(continuation)
        case .fail(let caller, let error, _, let cancel): return .fail(caller.name, "\(error)", cancel: cancel)
        case .failAll(let failures, let close):
            return .failAll(Dictionary(uniqueKeysWithValues: failures.map { ($0.0.name, $0.1.description) }), close: close)
        }
    }
}

extension ConnectionStateMachine<String, String>.Caller {
    var name: String {
        switch self {
        case .collect(let name), .stream(let name): return name
        }
    }
}
