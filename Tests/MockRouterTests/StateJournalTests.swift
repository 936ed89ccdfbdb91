import Foundation
@testable import MockRouter
import RouterOSAPI
import Testing

/// `--state` keeps a snapshot and appends each change, so a write costs the change, not the router.
@Suite(.timeLimit(.minutes(5))) struct StateJournalTests {
    static let admin = MockUser(name: "admin", password: "", group: .full)

    func withStatePath(_ body: (String) throws -> Void) rethrows {
        let path = NSTemporaryDirectory() + "mock-journal-\(UUID().uuidString).json"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try body(path)
    }

    func device(_ path: String) throws -> RouterDevice {
        try RouterDevice(configuration: MockRouterConfiguration(apiSSLPort: nil, statePath: path))
    }

    func size(_ path: String) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
    }

    @Test func everyKindOfChangeIsReplayedAfterARestart() throws {
        try withStatePath { path in
            let first = try device(path)
            func run(_ path: String, _ attributes: KeyValuePairs<String, String>) -> [Reply] {
                first.execute(Command(path, attributes), as: Self.admin).replies
            }
            let filter = "/ip/firewall/filter"
            let one = try #require(run(filter + "/add", ["chain": "forward", "action": "accept", "comment": "one"]).first?.attributes["ret"])
            let two = try #require(run(filter + "/add", ["chain": "forward", "action": "drop", "comment": "two"]).first?.attributes["ret"])
            let three = try #require(run(filter + "/add", ["chain": "forward", "action": "accept", "comment": "three", "place-before": one]).first?.attributes["ret"])
            #expect(run(filter + "/move", ["numbers": "\(two),\(one)", "destination": three]).first?.kind == .done)
            #expect(run(filter + "/set", ["numbers": two, "comment": "kept"]).first?.kind == .done)
            #expect(run(filter + "/remove", ["numbers": three]).first?.kind == .done)
            #expect(run("/interface/wireguard/add", ["name": "wg-journal"]).first?.kind == .done)
            #expect(run("/system/identity/set", ["name": "journalled"]).first?.kind == .done)
            #expect(run("/interface/list/add", ["name": "clash"]).first?.kind == .done)
            // Traps: nothing to journal.
            #expect(run("/interface/list/add", ["name": "clash"]).first?.kind == .trap)
            let saved = first.readState { $0 }
            first.stop()
            let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
            #expect(lines.count == 10, "a snapshot and one line per change that succeeded")

            let second = try device(path)
            defer { second.stop() }
            #expect(second.readState { $0 } == saved)
            // Loading folded the journal into one snapshot.
            #expect(try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").count == 1)
        }
    }

    @Test func aWriteAppendsTheChangeAndDoesNotRewriteTheRouter() throws {
        try withStatePath { path in
            let device = try device(path)
            defer { device.stop() }
            for i in 0..<2_000 {
                _ = device.execute(Command("/ip/firewall/address-list/add", ["list": "big", "address": "10.1.\(i / 256).\(i % 256)"]), as: Self.admin)
            }
            // Whatever compaction happened while growing, the next writes are appended.
            _ = device.execute(Command("/system/identity/set", ["name": "compact"]), as: Self.admin)
            let before = try size(path)
            _ = device.execute(Command("/system/identity/set", ["name": "appended"]), as: Self.admin)
            let after = try size(path)
            #expect(after > before && after - before < 512, "a one-property change grew the file by \(after - before) bytes")
        }
    }

    @Test func aJournalCutShortLoadsUpToTheLastWholeChange() throws {
        try withStatePath { path in
            let first = try device(path)
            _ = first.execute(Command("/system/identity/set", ["name": "whole"]), as: Self.admin)
            first.stop()
            let handle = try #require(FileHandle(forWritingAtPath: path))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data("[{\"settings\":{\"menu\":\"/system/iden".utf8))
            try handle.close()

            let second = try device(path)
            defer { second.stop() }
            let identity = second.execute(Command("/system/identity/print"), as: Self.admin).replies
            #expect(identity.first?.attributes["name"] == "whole")
        }
    }
}
