import Foundation
import Playbook
import RouterModel
import RouterOSAPI
import Testing
@testable import Reconciler

/// Planner and applier together on an ordered menu held in memory: the router ends in the
/// playbook's order, and a failure puts every rule back where it was.
struct OrderedApplyTests {
    let schema = RouterSchema.embedded(RouterOSVersion("7.20.8")!)!
    static let menu = "/ip/firewall/filter"

    /// `/ip/firewall/filter` as a list of rules, answering add/move/remove/set like RouterOS; the
    /// command numbered `failAt` (1-based, counting changes only) traps.
    final class FakeFilter: RouterSession, @unchecked Sendable {
        private var rules: [(id: String, comment: String)]
        private var next = 100
        private var changes = 0
        private let failAt: Int?
        private let lock = NSLock()

        init(_ comments: [String], failAt: Int? = nil) {
            rules = comments.enumerated().map { ("*\($0.offset + 1)", $0.element) }
            self.failAt = failAt
        }

        var comments: [String] { locked { rules.map(\.comment) } }

        private func locked<T>(_ body: () throws -> T) rethrows -> T {
            lock.lock()
            defer { lock.unlock() }
            return try body()
        }

        func execute(_ command: Command) async throws -> Response {
            try locked {
                let verb = command.path.split(separator: "/").last.map(String.init) ?? ""
                if verb != "print" {
                    changes += 1
                    if changes == failAt { throw RouterOSError(.trap, stage: .command, command: command.path, traps: [RouterOSTrap(category: nil, message: "injected", command: command.path)]) }
                }
                func index(_ id: String?) -> Int? { rules.firstIndex { $0.id == id } }
                switch verb {
                case "print":
                    let rows = rules.map { Row([Attribute(".id", $0.id), Attribute("chain", "input"), Attribute("action", "accept"), Attribute("comment", $0.comment)]) }
                    return Response(rows: rows, done: .done())
                case "add":
                    next += 1
                    let id = "*\(next)"
                    let rule = (id: id, comment: command["comment"] ?? "")
                    if let before = index(command["place-before"]) { rules.insert(rule, at: before) } else { rules.append(rule) }
                    return Response(rows: [], done: .done(ret: id))
                case "move":
                    guard let from = index(command["numbers"]) else { throw RouterOSError(.trap, stage: .command, command: "move", traps: [RouterOSTrap(category: nil, message: "no such item", command: "move")]) }
                    let rule = rules.remove(at: from)
                    if let before = index(command["destination"]) { rules.insert(rule, at: before) } else { rules.append(rule) }
                case "remove":
                    guard let at = index(command[".id"]) else { throw RouterOSError(.trap, stage: .command, command: "remove", traps: [RouterOSTrap(category: nil, message: "no such item", command: "remove")]) }
                    rules.remove(at: at)
                default:
                    break
                }
                return Response(rows: [], done: .done())
            }
        }
    }

    func apply(_ playbook: [String], exclusive: Bool = false, anchor: String? = nil, to router: FakeFilter) async throws -> ApplyReport {
        var yaml = "menus:\n  \(Self.menu):\n"
        yaml += exclusive ? "    exclusive: true\n    entries:\n" : "    entries:\n"
        for comment in playbook {
            yaml += "      - { chain: input, action: accept, comment: \"\(comment)\"" + (anchor.map { ", _place-before: { comment: \"\($0)\" }" } ?? "") + " }\n"
        }
        let desired = try PlaybookValidator(schema: schema, environment: [:]).validate(PlaybookLoader.load(text: yaml, file: "t.yaml"))
        let identity = RouterIdentity(version: schema.version, boardName: nil)
        let snapshot = try await Snapshot.read(desired, schema: schema, identity: identity, from: router)
        let plan = try Planner(desired: desired, snapshot: snapshot, schema: schema).plan()
        return await Applier(session: router, schema: schema).apply(plan)
    }

    @Test(arguments: [
        (["Y", "X"], ["X", "N", "Y"]),            // add and move in one menu
        (["A", "B", "C"], ["B", "C", "A"]),
        (["A", "B", "C", "D"], ["D", "C", "B", "A"]),
        (["A", "B"], ["N1", "B", "N2", "A", "N3"]),
    ])
    func endsInThePlaybooksOrder(live: [String], wanted: [String]) async throws {
        let router = FakeFilter(live)
        #expect(try await apply(wanted, to: router).succeeded)
        #expect(router.comments == wanted)
    }

    @Test func newRulesGoBeforeTheAnchorWithTheRestAfter() async throws {
        let router = FakeFilter(["defconf accept", "defconf drop", "other"])
        #expect(try await apply(["mine 1", "mine 2"], anchor: "defconf drop", to: router).succeeded)
        #expect(router.comments == ["defconf accept", "mine 1", "mine 2", "defconf drop", "other"])
    }

    @Test(arguments: [1, 2, 3, 4])
    func aFailureAnywhereRestoresTheOriginalOrder(failAt: Int) async throws {
        let live = ["A", "B", "C", "U1", "U2", "D"]
        let router = FakeFilter(live, failAt: failAt)
        // Reverse three rules, add one, remove two adjacent unmanaged ones (exclusive).
        let report = try await apply(["C", "B", "A", "N", "D"], exclusive: true, to: router)
        #expect(!report.succeeded)
        #expect(report.routerUnchanged, "\(report.outcomes.map { "\($0.operation.kind) \($0.status) \($0.error ?? "")" })")
        #expect(router.comments == live)
    }
}

