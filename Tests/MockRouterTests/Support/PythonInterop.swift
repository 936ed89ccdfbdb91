import Foundation

/// Runs the third-party Python clients of `Tests/Interop/` in the project's own virtualenv.
enum PythonInterop {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    /// Installs the pinned clients once per test run (`scripts/setup-interop.sh` is idempotent).
    static let interpreter: Result<String, InteropError> = {
        let setup = run("/bin/bash", [repository + "/scripts/setup-interop.sh"])
        guard setup.status == 0 else { return .failure(InteropError(output: setup.output)) }
        return .success(repository + "/.build-venv/bin/python")
    }()

    struct InteropError: Error, CustomStringConvertible {
        let output: String
        var description: String { "scripts/setup-interop.sh failed:\n\(output)" }
    }

    /// Runs `Tests/Interop/<script>.py` with `arguments`; returns its exit status and combined output.
    static func check(_ script: String, _ arguments: [String]) async throws -> (status: Int32, output: String) {
        let setup = await offPool { interpreter }
        let python = try setup.get()
        return await offPool { run(python, [repository + "/Tests/Interop/\(script).py"] + arguments) }
    }

    private static func run(_ executable: String, _ arguments: [String]) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return (-1, "cannot start \(executable): \(error)")
        }
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}
