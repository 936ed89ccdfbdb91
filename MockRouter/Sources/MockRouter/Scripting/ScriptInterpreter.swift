import RouterModel
import RouterOSAPI

/// What a script's commands run against: the device's normal command path.
protocol ScriptHost {
    /// Runs one API command as the script's user; the replies end in `!done`.
    func execute(_ command: Command) -> [Reply]
    /// True once the script must stop (the router stopped or its configuration was reset).
    var isCancelled: Bool { get }
    /// The router's command tree: how each menu's values are read.
    var schema: RouterSchema { get }
}

/// Runs parsed statements one at a time, each command through the host like any client's.
///
/// The first command the router refuses stops the script with its message, the path and the
/// line (`failure: already have such entry (/ip/address/add; line 3)`); what ran before stays done.
struct ScriptInterpreter {
    let host: any ScriptHost

    /// Arguments that name one entry: a `[find]` yielding several keeps the first.
    static let singleEntryArguments: Set<String> = ["number", "place-before", "destination"]

    func run(_ statements: [ScriptStatement]) throws(ScriptError) {
        for statement in statements {
            guard !host.isCancelled else { throw ScriptError(message: TrapText.scriptInterrupted) }
            switch statement {
            case .command(let command):
                try run(command)
            case .conditional(let condition, let command):
                let found = try find(condition.query, line: command.position.line)
                if condition.holds(forCount: found.count) { try run(command) }
            }
        }
    }

    /// Runs one command. A `numbers` whose `[find]` matched nothing makes it do nothing, as on
    /// RouterOS; an empty `place-before` or `destination` is left out (the entry goes to the end).
    private func run(_ command: ScriptCommand) throws(ScriptError) {
        var attributes: [Attribute] = []
        for argument in command.arguments {
            switch argument.value {
            case .text(let text):
                attributes.append(Attribute(argument.name, text))
            case .find(let query):
                let ids = try find(query, line: command.position.line)
                if ids.isEmpty, argument.name == "numbers" { return }
                if ids.isEmpty, argument.name != "number" { continue }
                let value = Self.singleEntryArguments.contains(argument.name) ? ids.first ?? "" : ids.joined(separator: ",")
                attributes.append(Attribute(argument.name, value))
            }
        }
        let replies = host.execute(Command(command.path, attributes: attributes))
        if let message = Self.trapMessage(replies) {
            throw ScriptError(message: TrapText.scriptLineFailed(message, path: command.path, line: command.position.line))
        }
    }

    /// The `.id`s of the entries of the query's menu that match, in print order: a print through
    /// the host with each condition's value normalised as a given value of that property would be,
    /// and `!name` true of a property that is not set, empty or false (RouterOS's logical not).
    private func find(_ query: FindQuery, line: Int) throws(ScriptError) -> [String] {
        let queries: [QueryWord] = query.conditions.flatMap { condition -> [QueryWord] in
            switch condition {
            case .equals(let name, let value):
                return [.equals(name, Word(normalized(value, of: name, in: query.menu)))]
            case .absent(let name):
                // Not set, empty or false: `?=name=` also matches an absent property.
                return [.equals(name, ""), .equals(name, "false"), .operations("|")]
            }
        }
        let path = query.menu + "/print"
        let replies = host.execute(Command(path, attributes: [Attribute(".proplist", ".id")], queries: queries))
        if let message = Self.trapMessage(replies) {
            throw ScriptError(message: TrapText.scriptLineFailed(message, path: query.menu + "/find", line: line))
        }
        return replies.filter { $0.kind == .re }.compactMap { $0.attributes[".id"] }
    }

    /// `value` as RouterOS stores a value of `name` in `menu` (`yes` → `true`, `60s` → `1m`); as
    /// given when the menu's spec does not know the property or the value does not fit it.
    func normalized(_ value: String, of name: String, in menu: String) -> String {
        guard let kind = host.schema.spec(for: menu)?.properties[name]?.kind else { return value }
        return (try? ValueNormalizer.normalize(value, as: kind)) ?? value
    }

    /// The message of the first `!trap`, if any.
    static func trapMessage(_ replies: [Reply]) -> String? {
        replies.first { $0.kind == .trap }.map { $0.attributes["message"] ?? "failure" }
    }
}
