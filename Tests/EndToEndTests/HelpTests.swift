import Foundation
import Testing

/// What a user reads before trusting the tool: every command's `--help` with an example and its
/// exit statuses.
@Suite(.timeLimit(.minutes(5))) struct HelpTests {
    /// The subcommands `rosplay --help` lists.
    static func subcommands() async -> [String] {
        let root = await CLIRunner.run(["--help"]).stdout
        let section = root.components(separatedBy: "SUBCOMMANDS:\n").last?.components(separatedBy: "\n\n").first ?? ""
        return section.split(separator: "\n").filter { $0.hasPrefix("  ") && !$0.hasPrefix("   ") }
            .compactMap { $0.split(separator: " ").first.map(String.init) }
    }

    @Test func everyCommandsHelpHasAnExampleAndItsExitStatuses() async {
        let commands = await Self.subcommands()
        #expect(commands.count == 9, "\(commands)")
        for command in commands {
            let help = await CLIRunner.run([command, "--help"])
            #expect(help.status == 0, "\(command): \(help.all)")
            // As one line: ArgumentParser wraps the discussion.
            let text = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(text.contains("Example: rosplay \(command)"), "\(command): \(help.stdout)")
            #expect(text.contains("Exit status: 0 "), "\(command): \(help.stdout)")
            #expect(text.contains("64 usage error"), "\(command): \(help.stdout)")
        }
    }

    /// The move symbol as printed: `↕` in a UTF-8 locale, `<>` in another.
    @Test func planHelpNamesTheMoveSymbolAsPrinted() async {
        let help = await CLIRunner.run(["plan", "--help"])
        #expect(help.stdout.contains("↕ move (<> where the locale"), "\(help.stdout)")
    }
}
