import ArgumentParser
import Foundation

/// `rosplay`: keeps a RouterOS v7 router in the state its owner wrote down.
@main
struct Rosplay: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rosplay",
        abstract: "Keep a MikroTik RouterOS v7 router exactly in the state its playbook describes.",
        version: "rosplay \(version)",
        subcommands: [PlanCommand.self, ApplyCommand.self, ConfirmCommand.self, DriftCommand.self, ValidateCommand.self, MenusCommand.self, ExportCommand.self, CallCommand.self, DemoCommand.self]
    )

    /// This build's version, printed by `rosplay --version`.
    static let version = "0.4.0"

    /// Installs the signal handlers before any command runs, answers a help topic, then runs the command.
    static func main() async {
        SignalHandling.install()
        HelpRequest.answer(Array(CommandLine.arguments.dropFirst()))
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            // Help, --version and errors already reported go out as ArgumentParser writes them;
            // a usage error gets the same `rosplay: error:` prefix as every other error.
            let code = exitCode(for: error)
            guard code != .success, !(error is ExitCode) else { exit(withError: error) }
            var message = fullMessage(for: error)
            if message.hasPrefix("Error: ") { message.removeFirst("Error: ".count) }
            Terminal.error(message)
            if let schema = ErrorDocument.schema(requestedBy: Array(CommandLine.arguments.dropFirst())) {
                print(ErrorDocument(schema: schema, problems: [.init(location: nil, message: self.message(for: error))], exitStatus: code.rawValue).text)
            }
            Foundation.exit(code.rawValue)
        }
    }
}
