import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The built `rosplay` executable run as a whole process, as a user or cron runs it: wall time
/// from spawn to exit, and its peak resident memory.
///
/// The peak comes from `/usr/bin/time` (GNU time's `%M`), which forks before it runs the program.
/// `wait4` on a child `posix_spawn` started would report this benchmark's own peak instead: Linux
/// keeps the peak of the memory a process replaces at `exec`, and until then `posix_spawn`'s child
/// shares this process's memory.
struct ProcessRun {
    let status: Int32
    let elapsed: Duration
    /// Peak resident set size, in megabytes (2^20 bytes); nil without `/usr/bin/time`.
    let peakMegabytes: Double?
    let stdout: String

    /// `rosplay` next to this benchmark's own executable (`swift build -c release` builds both).
    static let besideThisOne = URL(fileURLWithPath: Bundle.main.executablePath ?? CommandLine.arguments[0])
        .deletingLastPathComponent().appendingPathComponent("rosplay").path

    static let time = "/usr/bin/time"

    /// Runs `executable arguments…` with `environment` added to this process's, standard output to
    /// a temporary file (read back), standard error discarded.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String]) throws -> ProcessRun {
        let files = FileManager.default.temporaryDirectory.appendingPathComponent("rosplay-bench-\(getpid())-\(UUID().uuidString)").path
        let output = files + ".out", memory = files + ".rss"
        defer { unlink(output); unlink(memory) }
        let measured = FileManager.default.isExecutableFile(atPath: time)
        let command = (measured ? [time, "-f", "%M", "-o", memory] : []) + [executable] + arguments
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = command.map { strdup($0) } + [nil]
        let envp = ProcessInfo.processInfo.environment.merging(environment) { $1 }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let start = ContinuousClock.now
        let spawned = posix_spawn(&pid, command[0], &actions, nil, argv, envp)
        guard spawned == 0 else { throw BenchError("cannot start \(command[0]): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1, errno == EINTR {}
        let elapsed = ContinuousClock.now - start
        let kilobytes = (try? String(contentsOfFile: memory, encoding: .utf8))?.split(separator: "\n").last.flatMap { Double($0) }
        return ProcessRun(status: (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f), elapsed: elapsed,
                          peakMegabytes: kilobytes.map { $0 / 1_024 }, stdout: (try? String(contentsOfFile: output, encoding: .utf8)) ?? "")
    }
}

/// A benchmark that could not run as set up.
struct BenchError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = "rosplay-bench: " + description
    }
}
