import Foundation
@testable import MockRouter
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

    static func start(version: String = "7.20.8", board: Board = .rb5009, faults: FaultInjection = FaultInjection(),
                      deviceMode: DeviceMode = DeviceMode()) async throws -> CLIRunner {
        let server = try await MockRouterServer.start(MockRouterConfiguration(
            apiSSLPort: 0, apiPort: 0, tls: .anonymous, users: [user], routerOSVersion: RouterOSVersion(version)!, board: board,
            deviceMode: deviceMode, faults: faults))
        let passwordFile = NSTemporaryDirectory() + "rosplay-e2e-\(UUID().uuidString)"
        try password.write(toFile: passwordFile, atomically: true, encoding: .utf8)
        return CLIRunner(server: server, passwordFile: passwordFile)
    }

    func stop() async throws {
        try? FileManager.default.removeItem(atPath: passwordFile)
        try await server.stop()
    }

    /// `rosplay COMMAND PLAYBOOK... --router … --user … --password-file … --no-certificate EXTRA…`;
    /// a playbook given as an absolute path is used as it is, others are fixtures.
    func rosplay(_ command: String, _ playbooks: [String] = ["relay.yaml"], _ extra: [String] = []) async -> Result {
        await launch(command, playbooks, extra).finish()
    }

    /// `rosplay apply PLAYBOOKS --yes --confirm-within WINDOW EXTRA…`, asked again with a longer
    /// window when rosplay finds WINDOW too short at the pace it measured: a loaded CI machine
    /// starves the in-process router, and the rule rightly asks for more. The refusal comes before
    /// any change, so the test still sees one apply; tests of the rule itself do not use this.
    func confirmedApply(_ playbooks: [String], window: String, _ extra: [String] = []) async -> Result {
        var window = window
        for _ in 0..<4 {
            let result = await rosplay("apply", playbooks, ["--yes", "--confirm-within", window] + extra)
            guard result.stderr.contains("is too short for this plan"),
                  let asked = result.stderr.components(separatedBy: "pass at least --confirm-within ").last.flatMap({ Int($0.prefix { $0.isNumber }) })
            else { return result }
            window = "\(asked + asked / 2)s"
        }
        return await rosplay("apply", playbooks, ["--yes", "--confirm-within", window] + extra)
    }

    /// The same, returning while it runs.
    func launch(_ command: String, _ playbooks: [String] = ["relay.yaml"], _ extra: [String] = []) -> Running {
        let arguments = [command] + playbooks.map { $0.hasPrefix("/") ? $0 : Self.fixtures + "/" + $0 }
            + ["--router", "127.0.0.1:\(server.apiSSLPort!)", "--user", Self.user.name, "--password-file", passwordFile, "--no-certificate"] + extra
        return Self.launch(arguments, environment: ["WG_PRIVATE_KEY": Self.privateKey])
    }

    static func run(_ arguments: [String], environment: [String: String] = [:]) async -> Result {
        await launch(arguments, environment: environment).finish()
    }

    /// Starts `rosplay` with `arguments` and returns at once; ``Running/finish()`` collects its output.
    /// Its output is drained from the start, so a long plan cannot fill the pipe and stall it.
    static func launch(_ arguments: [String], environment: [String: String] = [:]) -> Running {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        // A UTF-8 locale unless the test says otherwise, whatever the machine running the tests has
        // (CI often sets none, which rosplay rightly answers with ASCII).
        process.environment = ProcessInfo.processInfo.environment.merging(["LC_ALL": "C.UTF-8"]) { $1 }.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let failure: String?
        do {
            try process.run()
            failure = nil
        } catch {
            failure = "\(error)"
        }
        let running = Running(process: process, stdout: OutputBox(), stderr: OutputBox(), drained: DispatchGroup(), failure: failure)
        if failure == nil {
            // Read on threads of their own: blocking reads on the Swift pool would starve it on a 2-core machine.
            for (pipe, box) in [(out, running.stdout), (err, running.stderr)] {
                running.drained.enter()
                Thread {
                    box.data = pipe.fileHandleForReading.readDataToEndOfFile()
                    running.drained.leave()
                }.start()
            }
        }
        return running
    }

    /// A `rosplay` process that is running.
    struct Running: @unchecked Sendable {
        let process: Process
        let stdout: OutputBox
        let stderr: OutputBox
        let drained: DispatchGroup
        let failure: String?

        /// Sends `signal` (SIGINT, SIGTERM, SIGKILL) to the process.
        func send(_ signal: Int32) {
            kill(process.processIdentifier, signal)
        }

        /// Waits for the process to end and its output to be read.
        func finish() async -> Result {
            if let failure { return Result(status: -1, stdout: "", stderr: failure) }
            return await withCheckedContinuation { continuation in
                Thread {
                    drained.wait()
                    process.waitUntilExit()
                    continuation.resume(returning: Result(status: process.terminationStatus,
                                                          stdout: String(decoding: stdout.data, as: UTF8.self),
                                                          stderr: String(decoding: stderr.data, as: UTF8.self)))
                }.start()
            }
        }
    }

    /// A client logged in over the plain API, for out-of-band changes and snapshots.
    func client() async throws -> RouterOSClient {
        try await RouterOSClient.connect(.init(host: "127.0.0.1", port: server.apiPort!, tls: .plain,
                                               credentials: .init(user: Self.user.name, password: Self.password)))
    }

    /// How many firewall rules of `chain` the router holds, read from the device itself: not a
    /// command queued behind the ones in flight (with a service time, a look through the API
    /// waits its turn), so it answers at once while an apply keeps the router busy.
    func rules(inChain chain: String) -> Int {
        server.device.execute(Command("/ip/firewall/filter/print", queries: [.equals("chain", Word(chain))]), as: Self.user).replies
            .filter { $0.kind == .re }.count
    }

    /// Every entry of every menu the mock has, as printed: to compare a router before and after.
    /// `/system/clock` prints the time and `/user/active` the sessions (each snapshot's own
    /// differs), not configuration: both are left out.
    func fullSnapshot() async throws -> [String: [[String: String]]] {
        let client = try await client()
        var result: [String: [[String: String]]] = [:]
        for menu in server.device.schema.menus.keys.sorted()
        where !["/system/clock", "/user/active"].contains(menu) && server.device.schema.arguments(of: "print", in: menu) != nil {
            result[menu] = try await client.execute(Command(menu + "/print")).rows.map(\.dictionary)
        }
        await client.close()
        return result
    }
}

extension CLIRunner {
    /// ``fullSnapshot()`` read from the device itself: at once however busy `--service-ms` keeps
    /// the router (a print through the API waits its turn behind every queued command).
    func deviceSnapshot() -> [String: [[String: String]]] {
        var result: [String: [[String: String]]] = [:]
        for menu in server.device.schema.menus.keys.sorted()
        where !["/system/clock", "/user/active"].contains(menu) && server.device.schema.arguments(of: "print", in: menu) != nil {
            result[menu] = server.device.execute(Command(menu + "/print"), as: Self.user).replies.filter { $0.kind == .re }.map { reply in
                Dictionary(reply.attributes.map { ($0.name, $0.value.string) }, uniquingKeysWith: { $1 })
            }
        }
        return result
    }

    /// The names of `rosplay-revert-*` entries in `/system/scheduler` and `/system/script`, read from the device.
    func revertEntries() -> (scheduler: [String], scripts: [String]) {
        func names(_ menu: String) -> [String] {
            server.device.execute(Command(menu + "/print"), as: Self.user).replies.filter { $0.kind == .re }
                .compactMap { reply in reply.attributes.first { $0.name == "name" }?.value.string }
                .filter { $0.hasPrefix("rosplay-revert-") }
        }
        return (names("/system/scheduler"), names("/system/script"))
    }

    /// Polls the device until a revert is armed (a `rosplay-revert-*` scheduler entry exists); its name.
    func waitForArmedRevert(within seconds: Int = 60) async throws -> String? {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < deadline {
            if let name = revertEntries().scheduler.first { return name }
            try await Task.sleep(for: .milliseconds(5))
        }
        return nil
    }

    /// A `rosplay-revert-NAME` as an earlier apply would leave it: a script, and (unless
    /// `scheduled` is false) a scheduler entry that runs it at `start` (router time).
    func addRevert(_ name: String, start: (date: String, time: String) = ("2099-01-01", "00:00:00"), scheduled: Bool = true) {
        _ = server.device.execute(Command("/system/script/add", ["name": name, "source": ":log info \"\(name)\""]), as: Self.user)
        guard scheduled else { return }
        _ = server.device.execute(Command("/system/scheduler/add", ["name": name, "start-date": start.date, "start-time": start.time,
                                                                   "interval": "0s", "on-event": "/system script run \(name)"]), as: Self.user)
    }
}

/// One output stream, written by the thread that reads it and read after that thread is done.
final class OutputBox: @unchecked Sendable {
    var data = Data()
}
