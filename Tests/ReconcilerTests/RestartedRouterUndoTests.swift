import Foundation
import Playbook
import RouterModel
import RouterOSAPI
import Testing
@testable import Reconciler

/// Undo after the router restarted mid-apply: `.id`s are reused for other entries, so only
/// entries that still match what rosplay wrote may be touched.
struct RestartedRouterUndoTests {
    let schema = RouterSchema.embedded(RouterOSVersion("7.20.8")!)!
    static let menu = "/ip/firewall/address-list"

    func plan(_ count: Int, against router: FakeAddressList) async throws -> Plan {
        try await router.plan(count, list: "mine", schema: schema)
    }

    @Test func aRouterThatCameBackWithOtherEntriesLosesNoneOfThem() async throws {
        let others = (0..<2000).map { ("theirs", "192.0.\($0 / 256).\($0 % 256)") }
        let router = FakeAddressList(restartAt: 1500, others: others, dropAt: 2000)
        let plan = try await plan(2000, against: router)
        let applier = Applier(session: router, schema: schema, reconnector: Reconnector { _ in router })
        let report = await applier.apply(plan)
        // Every entry of theirs is still there; nothing of ours is.
        #expect(router.contents == Set(others.map { "\($0.0) \($0.1)" }))
        #expect(!report.succeeded)
        let counts = report.counts
        // The 1,499 adds before the restart were lost with it (gone); the 500 it took after it
        // came back are ours and undone among theirs; the one the drop cut never landed.
        #expect(counts[.gone] == 1499, "\(report.countsLine)")
        #expect(counts[.notApplied] == 1, "\(report.countsLine)")
        #expect(counts[.undone] == 500, "\(report.countsLine)")
        #expect(counts[.uncertain] == nil && counts[.undoFailed] == nil, "\(report.countsLine)")
        #expect(report.routerUnchanged)
        #expect(!router.commands.contains { $0.hasSuffix("/remove =.id=*1") }, "an entry of theirs was addressed by a reused .id")
    }

    @Test func aStopRequestedBeforeTheFirstLevelSendsNothing() async throws {
        let others = (0..<50).map { ("theirs", "192.0.2.\($0)") }
        let router = FakeAddressList()
        for (list, address) in others { _ = try await router.execute(Command(Self.menu + "/add", ["list": list, "address": address])) }
        let plan = try await plan(100, against: router)
        let control = ApplyControl()
        control.requestStop("test stop before anything")
        let report = await Applier(session: router, schema: schema, control: control).apply(plan)
        #expect(report.counts[.notAttempted] == 100)
        #expect(report.routerUnchanged)
        #expect(router.contents.count == 50)
    }
}

/// The decisions undo makes from what a menu holds now.
struct UndoDecisionTests {
    let schema = RouterSchema.embedded(RouterOSVersion("7.20.8")!)!

    func mirror(_ rows: [(String, [String: String])], ordered: Bool = false, identity: [String] = ["chain", "comment"]) -> MenuMirror {
        MenuMirror(identity: identity, ordered: ordered, live: rows.map { LiveEntry(id: $0.0, properties: $0.1) })
    }

    func operation(_ kind: Reconciler.Operation.Kind, target: [(String, String?)], changes: [PropertyChange] = [], originalAnchor: EntryMatch? = nil) -> Reconciler.Operation {
        Reconciler.Operation(kind: kind, menu: "/ip/firewall/filter", id: "*OLD", label: "x", changes: changes, before: nil, originalBefore: nil, location: nil,
                  target: EntryMatch(pairs: target), originalAnchor: originalAnchor)
    }

    @Test func aSetIsPutBackOnlyWhenTheValueIsStillWhatRosplayWrote() {
        let change = PropertyChange(name: "action", old: "accept", new: "drop", sensitive: false)
        let set = operation(.set, target: [("chain", "input"), ("comment", "c")], changes: [change])
        let ours = mirror([("*5", ["chain": "input", "comment": "c", "action": "drop"])])
        #expect(UndoDecision.decide(set, in: ours, schema: schema) == .revert(.restore(id: "*5", values: ["action": "accept"], unset: [])))
        let old = mirror([("*5", ["chain": "input", "comment": "c", "action": "accept"])])
        #expect(UndoDecision.decide(set, in: old, schema: schema) == .notPresent("the entry has its old values"))
        let foreign = mirror([("*5", ["chain": "input", "comment": "c", "action": "reject"])])
        #expect(UndoDecision.decide(set, in: foreign, schema: schema) == .leaveAlone("action is no longer what rosplay wrote"))
        let twice = mirror([("*5", ["chain": "input", "comment": "c", "action": "drop"]), ("*6", ["chain": "input", "comment": "c", "action": "drop"])])
        #expect(UndoDecision.decide(set, in: twice, schema: schema) == .leaveAlone("2 entries match it; none was touched"))
    }

    /// After an unset RouterOS prints the property's default (`log=false`) or nothing: that is what
    /// rosplay wrote, so the old value is put back. Any other value is someone else's.
    @Test func anUnsetIsPutBackWhenThePropertyIsStillCleared() {
        let change = PropertyChange(name: "log", old: "true", new: nil, sensitive: false)
        let unset = operation(.unset, target: [("chain", "input"), ("comment", "c")], changes: [change])
        let printsDefault = mirror([("*5", ["chain": "input", "comment": "c", "log": "false"])])
        #expect(UndoDecision.decide(unset, in: printsDefault, schema: schema) == .revert(.restore(id: "*5", values: ["log": "true"], unset: [])))
        let printsNothing = mirror([("*5", ["chain": "input", "comment": "c"])])
        #expect(UndoDecision.decide(unset, in: printsNothing, schema: schema) == .revert(.restore(id: "*5", values: ["log": "true"], unset: [])))
        let old = mirror([("*5", ["chain": "input", "comment": "c", "log": "true"])])
        #expect(UndoDecision.decide(unset, in: old, schema: schema) == .notPresent("the entry has its old values"))
        let prefix = PropertyChange(name: "log-prefix", old: "fw", new: nil, sensitive: false)
        let foreign = mirror([("*5", ["chain": "input", "comment": "c", "log-prefix": "someone"])])
        #expect(UndoDecision.decide(operation(.unset, target: [("chain", "input"), ("comment", "c")], changes: [prefix]), in: foreign, schema: schema)
            == .leaveAlone("log-prefix is no longer what rosplay wrote"))
    }

    @Test func aRemoveComesBackWithItsValuesBeforeTheEntryThatFollowedIt() {
        let values = [PropertyChange(name: "chain", old: "input", new: nil, sensitive: false),
                      PropertyChange(name: "action", old: "drop", new: nil, sensitive: false)]
        let anchor = EntryMatch(pairs: [("chain", "input"), ("comment", "next")])
        let remove = operation(.remove, target: [("chain", "input"), ("action", "drop")], changes: values, originalAnchor: anchor)
        let now = mirror([("*1", ["chain": "input", "comment": "first", "action": "accept"]), ("*9", ["chain": "input", "comment": "next", "action": "accept"])], ordered: true)
        #expect(UndoDecision.decide(remove, in: now, schema: schema) == .revert(.add(properties: ["chain": "input", "action": "drop"], before: "*9")))
        let stillThere = mirror([("*2", ["chain": "input", "action": "drop"])], ordered: true)
        #expect(UndoDecision.decide(remove, in: stillThere, schema: schema) == .notPresent("the entry is on the router"))
    }

    @Test func aMoveGoesBackOnlyWhereItsOldSuccessorCanBeFound() {
        let anchor = EntryMatch(pairs: [("chain", "input"), ("comment", "b")])
        let move = operation(.move, target: [("chain", "input"), ("comment", "a")], originalAnchor: anchor)
        let moved = mirror([("*3", ["chain": "input", "comment": "b"]), ("*4", ["chain": "input", "comment": "a"])], ordered: true)
        #expect(UndoDecision.decide(move, in: moved, schema: schema) == .revert(.move(id: "*4", before: "*3")))
        let inPlace = mirror([("*4", ["chain": "input", "comment": "a"]), ("*3", ["chain": "input", "comment": "b"])], ordered: true)
        #expect(UndoDecision.decide(move, in: inPlace, schema: schema) == .notPresent("the entry is in its old place"))
        let anchorGone = mirror([("*4", ["chain": "input", "comment": "a"])], ordered: true)
        #expect(UndoDecision.decide(move, in: anchorGone, schema: schema) == .leaveAlone("the entry that followed it cannot be found (no entry matches it any more)"))
    }
}

/// When the undo itself fails: a refused undo step, and a router that cannot be reached again.
struct FailingUndoTests {
    let schema = RouterSchema.embedded(RouterOSVersion("7.20.8")!)!

    func plan(_ count: Int, on router: FakeAddressList) async throws -> Plan {
        try await router.plan(count, list: "l", schema: schema)
    }

    @Test func anUndoStepTheRouterRefusesIsReportedNotUndoneWithItsMessage() async throws {
        let router = FakeAddressList(trapAt: 5, refuseRemove: true)
        let report = await Applier(session: router, schema: schema).apply(try await plan(5, on: router))
        #expect(report.counts[.undoFailed] == 4, "\(report.countsLine)")
        #expect(report.counts[.failed] == 1)
        #expect(!report.routerUnchanged)
        #expect(report.outcomes.contains { $0.error?.contains("undo: router refused /ip/firewall/address-list/remove") == true && $0.error?.contains("cannot remove") == true })
        #expect(router.contents.count == 4)
    }

    /// A command the router did not answer in time is not on the router when the undo looks, but a
    /// router that was only slow may still carry it out: uncertain, never "not applied".
    @Test func anOperationThatTimedOutAndIsNotFoundIsUncertain() async throws {
        let router = FakeAddressList(timeoutAt: 3)
        let report = await Applier(session: router, schema: schema, reconnector: Reconnector(deadline: .seconds(5)) { _ in router })
            .apply(try await plan(3, on: router))
        #expect(report.counts[.undone] == 2, "\(report.countsLine)")
        #expect(report.counts[.uncertain] == 1, "\(report.countsLine)")
        #expect(report.counts[.notApplied] == nil)
        #expect(!report.routerUnchanged)
        #expect(report.outcomes.contains { $0.status == .uncertain && $0.error?.contains("the router stopped answering") == true }, "\(report.outcomes.map(\.error))")
    }

    @Test func aReconnectThatNeverSucceedsLeavesEverythingUncertainAfterItsDeadline() async throws {
        let router = FakeAddressList(dropAt: 3)
        let attempts = AttemptCounter()
        let reconnector = Reconnector(deadline: .milliseconds(300), firstDelay: .milliseconds(50), maximumDelay: .milliseconds(100)) { _ in
            attempts.increment()
            throw RouterOSError(.connectionRefused, stage: .connect, target: RouterAddress(host: "127.0.0.1", port: 1))
        }
        let lines = LineCollector()
        let report = await Applier(session: router, schema: schema, reconnector: reconnector).apply(try await plan(3, on: router), progress: lines.add)
        // The two confirmed adds and the one in flight: none could be looked at, none is claimed undone.
        #expect(report.counts[.uncertain] == 3, "\(report.countsLine)")
        #expect(report.outcomes.allSatisfy { $0.status != .undone })
        #expect(report.outcomes.contains { $0.error?.contains("the router could not be reached to look") == true })
        // One line per attempt, with backoff: a few attempts in 300 ms, not one per operation.
        let attemptLines = lines.lines.filter { $0.hasPrefix("reconnect attempt") }
        #expect(attemptLines.count == attempts.value && (2...6).contains(attempts.value), "\(lines.lines)")
        #expect(attemptLines.last?.contains("giving up after 0.3s") == true, "\(attemptLines)")
    }
}

final class AttemptCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.withLock { count } }
    func increment() { lock.withLock { count += 1 } }
}

final class LineCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [String] = []
    var lines: [String] { lock.withLock { collected } }
    @Sendable func add(_ line: String) { lock.withLock { collected.append(line) } }
}

/// `/ip/firewall/address-list` in memory, numbering entries from `*1` like a router whose `.id`s
/// start over after a restart. The Nth add (counting from 1) can trap (`trapAt`), drop the
/// connection (`dropAt`), or restart the router (`restartAt`): it comes back holding `others`
/// and takes that add and the next ones, as commands already on their way when a router
/// restarts reach it again before the client notices the drop (`dropAt`). Removes trap when
/// `refuseRemove` is set.
final class FakeAddressList: RouterSession, @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [(id: String, list: String, address: String)] = []
    private var next = 0, adds = 0
    private var restarted = false
    private let restartAt: Int?, trapAt: Int?, dropAt: Int?
    /// The Nth add is not answered in time: it times out, and is not carried out (yet).
    private let timeoutAt: Int?
    private let refuseRemove: Bool
    private let others: [(String, String)]
    private(set) var commands: [String] = []

    init(restartAt: Int? = nil, others: [(String, String)] = [], trapAt: Int? = nil, dropAt: Int? = nil, timeoutAt: Int? = nil, refuseRemove: Bool = false) {
        (self.restartAt, self.others, self.trapAt, self.dropAt, self.refuseRemove) = (restartAt, others, trapAt, dropAt, refuseRemove)
        self.timeoutAt = timeoutAt
    }

    var contents: Set<String> { lock.withLock { Set(entries.map { "\($0.list) \($0.address)" }) } }

    /// The plan that adds `count` entries of `list` (10.1.x.y) to what this router holds.
    func plan(_ count: Int, list: String, schema: RouterSchema) async throws -> Plan {
        var yaml = "menus:\n  /ip/firewall/address-list:\n"
        for number in 0..<count { yaml += "    - { list: \(list), address: 10.1.\(number / 256).\(number % 256) }\n" }
        let desired = try PlaybookValidator(schema: schema, environment: [:]).validate(PlaybookLoader.load(text: yaml, file: "t.yaml"))
        let snapshot = try await Snapshot.read(desired, schema: schema, identity: RouterIdentity(version: schema.version, boardName: nil), from: self)
        return try Planner(desired: desired, snapshot: snapshot, schema: schema).plan()
    }

    private func newID() -> String {
        next += 1
        return "*\(String(next, radix: 16, uppercase: true))"
    }

    func execute(_ command: Command) async throws -> Response {
        try lock.withLock {
            commands.append(command.description)
            let trap = { (message: String) in
                RouterOSError(.trap, stage: .command, command: command.description,
                              traps: [RouterOSTrap(category: nil, message: message, command: command.description)])
            }
            let lost = RouterOSError(.connectionLost, stage: .command, command: command.description, reason: "connection closed by the router")
            switch command.path.split(separator: "/").last.map(String.init) ?? "" {
            case "print":
                return Response(rows: entries.map { Row([Attribute(".id", $0.id), Attribute("list", $0.list), Attribute("address", $0.address),
                                                         Attribute("disabled", "false"), Attribute("dynamic", "false")]) }, done: .done())
            case "add":
                adds += 1
                if adds == trapAt { throw trap("injected") }
                if adds == dropAt { throw lost }
                if adds == timeoutAt { throw RouterOSError(.timedOut, stage: .command, command: command.description) }
                if adds == restartAt, !restarted {
                    restarted = true
                    next = 0
                    entries = others.map { (newID(), $0.0, $0.1) }
                }
                let id = newID()
                entries.append((id, command["list"] ?? "", command["address"] ?? ""))
                return Response(rows: [], done: .done(ret: id))
            case "remove":
                if refuseRemove { throw trap("cannot remove") }
                guard let index = entries.firstIndex(where: { $0.id == command[".id"] }) else { throw trap("no such item") }
                entries.remove(at: index)
                return Response(rows: [], done: .done())
            default:
                return Response(rows: [], done: .done())
            }
        }
    }
}
