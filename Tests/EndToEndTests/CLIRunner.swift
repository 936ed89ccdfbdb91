import Foundation
import MockRouter
import RouterModel
import RouterOSAPI

/// Runs the real `rosplay` executable against an in-process MockRouter, as a user or cron would.
struct CLIRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var all: String { stdout + stderr }
    }

    static let executable = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("rosplay").path
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path
    static let privateKey = "ZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXp7fH1+f4CBgoM="
    static let password = "e2e-Secret-pw"
    static let user = MockUser(name: "rosplay", password: password)

    let server: MockRouterServer
    let passwordFile: String

    static func start(version: String = "7.20.8", board: Board = .rb5009, faults: FaultInjection = FaultInjection()) async throws -> CLIRunner {
        let server = try await MockRouterServer.start(MockRouterConfiguration(
            apiSSLPort: 0, apiPort: 0, tls: .anonymous, users: [user], routerOSVersion: RouterOSVersion(version)!, board: board, faults: faults))
        let passwordFile = NSTemporaryDirectory() + "rosplay-e2e-\(UUID().uuidString)"
        try password.write(toFile: passwordFile, atomically: true, encoding: .utf8)
        return CLIRunner(server: server, passwordFile: passwordFile)
    }

    func stop() async throws {
        try? FileManager.default.removeItem(atPath: passwordFile)
        try await server.stop()
    }

    /// `rosplay COMMAND PLAYBOOK... --router … --user … --password-file … --no-certificate EXTRA…`
    func rosplay(_ command: String, _ playbooks: [String] = ["relay.yaml"], _ extra: [String] = []) async -> Result {
        let arguments = [command] + playbooks.map { Self.fixtures + "/" + $0 }
            + ["--router", "127.0.0.1:\(server.apiSSLPort!)", "--user", Self.user.name, "--password-file", passwordFile, "--no-certificate"] + extra
        return await Self.run(arguments, environment: ["WG_PRIVATE_KEY": Self.privateKey])
    }

    static func run(_ arguments: [String], environment: [String: String] = [:]) async -> Result {
        await withCheckedContinuation { continuation in
            Thread {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: executable)
                process.arguments = arguments
                process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
                let out = Pipe(), err = Pipe()
                process.standardOutput = out
                process.standardError = err
                process.standardInput = FileHandle.nullDevice
                do { try process.run() } catch {
                    continuation.resume(returning: Result(status: -1, stdout: "", stderr: "\(error)"))
                    return
                }
                // Drain stderr on its own thread so a full pipe cannot block the child.
                let stderrBox = ErrorBox()
                let drained = DispatchGroup()
                drained.enter()
                Thread {
                    stderrBox.data = err.fileHandleForReading.readDataToEndOfFile()
                    drained.leave()
                }.start()
                let stdout = out.fileHandleForReading.readDataToEndOfFile()
                drained.wait()
                let stderr = stderrBox.data
                process.waitUntilExit()
                continuation.resume(returning: Result(status: process.terminationStatus,
                                                      stdout: String(decoding: stdout, as: UTF8.self),
                                                      stderr: String(decoding: stderr, as: UTF8.self)))
            }.start()
        }
    }

    /// A client logged in over the plain API, for out-of-band changes and snapshots.
    func client() async throws -> RouterOSClient {
        let client = try await RouterOSClient.connect(ConnectionConfiguration(host: "127.0.0.1", port: server.apiPort!, security: .plain))
        try await client.login(user: Self.user.name, password: Self.password)
        return client
    }

    /// Every entry of every menu the mock has, as printed: to compare a router before and after.
    /// `/user/active` lists the sessions, not configuration: each snapshot's own differs.
    func fullSnapshot() async throws -> [String: [[String: String]]] {
        let client = try await client()
        var result: [String: [[String: String]]] = [:]
        for menu in server.device.schema.menus.keys.sorted()
        where menu != "/user/active" && server.device.schema.arguments(of: "print", in: menu) != nil {
            result[menu] = try await client.execute(Command(menu + "/print")).rows.map(\.dictionary)
        }
        await client.close()
        return result
    }
}

/// Standard error, written by the thread that reads it and read after that thread is done.
private final class ErrorBox: @unchecked Sendable {
    var data = Data()
}
