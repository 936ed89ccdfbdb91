import ArgumentParser
import Foundation

/// `rosplay help TOPIC`, and the topics listed at the end of the root help. Answered before
/// ArgumentParser parses the command line: it knows only commands, and prints the root help for
/// any other word. `rosplay help COMMAND` is left to it.
enum HelpRequest {
    /// Answers `arguments` (the command line without the program's name) and exits when they ask
    /// for the root help, a topic, or help on a word that is neither; returns otherwise.
    static func answer(_ arguments: [String]) {
        if [[], ["-h"], ["--help"], ["help"]].contains(arguments) {
            print(rootHelp)
            exit(0)
        }
        guard arguments.first == "help", let word = arguments.dropFirst().first,
              !word.hasPrefix("-"), !commands.contains(word), word != "help" else { return }
        if arguments.count == 2, let topic = HelpTopic.named(word) {
            print(topic.text)
            exit(0)
        }
        let asked = arguments.dropFirst().joined(separator: " ")
        Terminal.error("no help topic or command '\(asked)'; topics: \(HelpTopic.all.map(\.name).joined(separator: ", ")); "
            + "commands: \(commands.joined(separator: ", "))")
        exit(ExitCode.validationFailure.rawValue)
    }

    /// The subcommands, whose help (and `help`'s own) `rosplay help` leaves to ArgumentParser.
    static var commands: [String] {
        Rosplay.configuration.subcommands.compactMap { $0.configuration.commandName }
    }

    /// ArgumentParser's root help, then the topics.
    static var rootHelp: String {
        let width = 24
        let topics = HelpTopic.all.map { topic in
            "  " + topic.name.padding(toLength: width, withPad: " ", startingAt: 0) + topic.abstract
        }
        return Rosplay.helpMessage() + "\n\nHELP TOPICS:\n" + topics.joined(separator: "\n")
            + "\n\n  See 'rosplay help <topic>' to read one."
    }
}
