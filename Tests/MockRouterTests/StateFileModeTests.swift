import Foundation
import MockRouter
import RouterOSAPI
import Testing

/// The `--state` file holds WireGuard private keys: only its owner may read it.
@Suite(.timeLimit(.minutes(5))) struct StateFileModeTests {
    func mode(_ path: String) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    @Test func stateFileIsOwnerOnlyEvenWhenItExistedWider() async throws {
        let path = NSTemporaryDirectory() + "mock-state-mode-\(UUID().uuidString).json"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let router = try await TestRouter.start(statePath: path)
        let client = try await router.loggedIn()
        _ = try await client.execute(Command("/interface/wireguard/add", ["name": "wg-mode"]))
        #expect(try mode(path) == 0o600)
        // A state file someone made world-readable is replaced owner-only on the next change.
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        _ = try await client.execute(Command("/system/identity/set", ["name": "mode"]))
        #expect(try mode(path) == 0o600)
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("private-key"))
        await client.close()
        try await router.stop()
    }

    @Test func privateFileReplacesAtomicallyAndLeavesNoTemporaryFile() throws {
        let directory = NSTemporaryDirectory() + "private-file-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try PrivateFile.write("first", to: directory + "/f")
        try PrivateFile.write("second", to: directory + "/f")
        #expect(try String(contentsOfFile: directory + "/f", encoding: .utf8) == "second")
        #expect(try mode(directory + "/f") == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["f"])
        #expect(throws: PrivateFile.WriteError.self) { try PrivateFile.write("x", to: directory + "/missing/f") }
    }
}
