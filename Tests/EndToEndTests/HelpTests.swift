import Foundation
import Testing

/// What a user reads before trusting the tool: `rosplay help TOPIC` as `git help <guide>`, the
/// topics listed in the root help, and every command's `--help` with an example and its exit
/// statuses.
@Suite(.timeLimit(.minutes(5))) struct HelpTests {
    /// Each topic, and a phrase only that topic prints.
    static let topics = [("playbooks", "docs/playbooks.md"), ("trust", "--no-certificate"), ("exit-codes", "130 interrupted"),
                         ("environment", "ROSPLAY_PROGRESS_INTERVAL"), ("automation", "OnCalendar=")]

    @Test(arguments: topics) func eachTopicPrintsItselfNotTheRootHelp(_ topic: String, _ phrase: String) async {
        let result = await CLIRunner.run(["help", topic])
        #expect(result.status == 0, "\(result.all)")
        #expect(result.stdout.contains(phrase), "\(result.stdout)")
        #expect(!result.stdout.contains("USAGE:"), "\(result.stdout)")
    }

    @Test func theRootHelpEndsWithTheTopics() async {
        for arguments in [["help"], ["--help"], []] {
            let result = await CLIRunner.run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.all)")
            #expect(result.stdout.contains("SUBCOMMANDS:"), "\(arguments): \(result.stdout)")
            let topics = result.stdout.components(separatedBy: "HELP TOPICS:\n").last ?? ""
            for (topic, _) in Self.topics {
                #expect(topics.contains("\n  \(topic) ") || topics.hasPrefix("  \(topic) "), "\(arguments): \(topic) not listed")
            }
        }
    }

    @Test func aWordThatIsNeitherATopicNorACommandIsAUsageError() async {
        let result = await CLIRunner.run(["help", "playbook"])
        #expect(result.status == 64, "\(result.all)")
        #expect(result.stderr.contains("rosplay: error: no help topic or command 'playbook'; "
            + "topics: playbooks, trust, exit-codes, environment, automation; commands: plan, apply, confirm, drift, validate, menus, export, call, demo"),
                "\(result.stderr)")
        #expect(result.stdout.isEmpty, "\(result.stdout)")
    }

    @Test func helpOnACommandIsStillThatCommandsHelp() async {
        let result = await CLIRunner.run(["help", "apply"])
        #expect(result.status == 0, "\(result.all)")
        #expect(result.stdout.contains("OVERVIEW: Change the router to match the playbooks"), "\(result.stdout)")
        #expect(result.stdout.contains("--confirm-within"), "\(result.stdout)")
    }

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
        let exitCodes = await CLIRunner.run(["help", "exit-codes"]).stdout
        for command in commands {
            let help = await CLIRunner.run([command, "--help"])
            #expect(help.status == 0, "\(command): \(help.all)")
            // As one line: ArgumentParser wraps the discussion.
            let text = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(text.contains("Example: rosplay \(command)"), "\(command): \(help.stdout)")
            #expect(text.contains("Exit status: 0 "), "\(command): \(help.stdout)")
            #expect(text.contains("64 usage error"), "\(command): \(help.stdout)")
            #expect(exitCodes.contains("\n  \(command) "), "exit-codes leaves out \(command)")
        }
    }

    /// The move symbol as printed: `↕` in a UTF-8 locale, `<>` in another.
    @Test func planHelpNamesTheMoveSymbolAsPrinted() async {
        let help = await CLIRunner.run(["plan", "--help"])
        #expect(help.stdout.contains("↕ move (<> where the locale"), "\(help.stdout)")
    }
}
