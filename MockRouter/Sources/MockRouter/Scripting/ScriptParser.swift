import RouterModel

/// Turns script source into statements, checking every menu and command against the router's
/// command tree first: like RouterOS, a script that does not parse runs no line at all.
///
/// The subset (what rosplay emits for a revert): one command per line (`\n` or `;`), `#` comment
/// lines, menus in console (`/ip firewall filter`) or API (`/ip/firewall/filter`) form, a line that
/// is only a menu making it current for the relative commands after it, the verbs of
/// ``supportedVerbs``, `name=value` arguments with bare or quoted values or `[find where …]`, one
/// unnamed parameter (`run NAME`, `remove [find]`), and
/// `:if ([:len [/menu find where …]] = 0) do={ command }` with `=`, `!=` or `>`.
/// No construct nests inside itself, so parsing never recurses.
struct ScriptParser {
    let schema: RouterSchema
    private var lexer: ScriptLexer
    /// The menu relative commands are in.
    private var currentMenu = ""

    /// The verbs a script may use.
    static let supportedVerbs: Set<String> = ["add", "set", "unset", "remove", "move", "enable", "disable", "run"]

    /// What a verb's unnamed parameter stands for (`/system script run NAME`).
    static let unnamedParameters: [String: String] = [
        "run": "number", "set": "numbers", "unset": "numbers", "remove": "numbers", "move": "numbers",
        "enable": "numbers", "disable": "numbers",
    ]

    init(source: String, schema: RouterSchema) {
        self.schema = schema
        lexer = ScriptLexer(source)
    }

    /// Every statement of the script, or the first error.
    mutating func parse() throws(ScriptError) -> [ScriptStatement] {
        var statements: [ScriptStatement] = []
        while true {
            lexer.skipBlanks()
            guard let scalar = lexer.current else { return statements }
            switch scalar {
            case "\n", ";":
                lexer.advance()
                continue
            case "#":
                lexer.skipLine()
                continue
            default:
                if let statement = try parseStatement() { statements.append(statement) }
            }
            lexer.skipBlanks()
            if let next = lexer.current, next != "\n", next != ";" {
                throw ScriptError(message: TrapText.expectedEndOfCommand(at: lexer.position))
            }
        }
    }

    private mutating func syntaxError() -> ScriptError {
        ScriptError(message: TrapText.scriptSyntaxError(at: lexer.position))
    }

    /// A command, an `:if`, or nil for a line that only changes the current menu.
    private mutating func parseStatement() throws(ScriptError) -> ScriptStatement? {
        if lexer.current == ":" {
            let start = lexer.position
            lexer.advance()
            let name = lexer.readWord(stoppingAt: ["="])
            guard name == "if" else { throw ScriptError(message: TrapText.scriptNotSimulated(":" + name, at: start)) }
            return try parseConditional()
        }
        return try parseCommand(inBlock: false).map(ScriptStatement.command)
    }

    // MARK: - Commands

    /// A command up to its end (a line end, `;`, or `}` in a `do` block); nil when the line
    /// names only a menu, which becomes current.
    private mutating func parseCommand(inBlock: Bool) throws(ScriptError) -> ScriptCommand? {
        let start = lexer.position
        let (menu, found) = try parseMenuAndVerb(relativeTo: currentMenu)
        guard let verb = found else {
            guard isAtCommandEnd(inBlock: inBlock), !inBlock else { throw syntaxError() }
            currentMenu = menu
            return nil
        }
        guard Self.supportedVerbs.contains(verb.name) else {
            throw ScriptError(message: TrapText.scriptNotSimulated("\(menu)/\(verb.name)", at: verb.position))
        }
        var arguments: [ScriptArgument] = []
        var unnamedGiven = false
        while true {
            lexer.skipBlanks()
            if isAtCommandEnd(inBlock: inBlock) { break }
            let argumentStart = lexer.position
            if lexer.current == "\"" || lexer.current == "[" {
                arguments.append(try unnamed(try parseValue(menu: menu, inBlock: inBlock), verb: verb.name, given: &unnamedGiven, at: argumentStart))
                continue
            }
            let word = lexer.readWord(stoppingAt: ["="])
            guard !word.isEmpty else { throw syntaxError() }
            if lexer.consume("=") {
                arguments.append(ScriptArgument(name: word, value: try parseValue(menu: menu, inBlock: inBlock)))
            } else {
                arguments.append(try unnamed(.text(word), verb: verb.name, given: &unnamedGiven, at: argumentStart))
            }
        }
        return ScriptCommand(menu: menu, verb: verb.name, arguments: arguments, position: start)
    }

    /// The unnamed parameter of `verb`; a second one, or one the verb does not take, ends the command.
    private func unnamed(_ value: ScriptValue, verb: String, given: inout Bool, at position: ScriptPosition) throws(ScriptError) -> ScriptArgument {
        guard !given, let name = Self.unnamedParameters[verb] else {
            throw ScriptError(message: TrapText.expectedEndOfCommand(at: position))
        }
        given = true
        return ScriptArgument(name: name, value: value)
    }

    private func isAtCommandEnd(inBlock: Bool) -> Bool {
        guard let scalar = lexer.current else { return true }
        return scalar == "\n" || scalar == ";" || (inBlock && scalar == "}")
    }

    /// Reads menu words (`/ip firewall filter`, `/ip/firewall/filter`, or relative ones) and the
    /// verb after them; the verb is nil when the words end, or an argument starts, before one.
    /// - Throws: `bad command name` for a word that is neither a menu, a folder nor a command of the menu.
    private mutating func parseMenuAndVerb(relativeTo base: String) throws(ScriptError) -> (menu: String, verb: (name: String, position: ScriptPosition)?) {
        var menu = base
        if lexer.consume("/") { menu = "" }
        while true {
            let wordStart = lexer.index
            let position = lexer.position
            let word = lexer.readWord(stoppingAt: ["/", "="])
            guard !word.isEmpty else {
                if lexer.current == "/" { throw syntaxError() }
                return (menu, nil)
            }
            if lexer.current == "=" {
                lexer.rewind(to: wordStart)
                return (menu, nil)
            }
            let candidate = menu + "/" + word
            if isMenuOrFolder(candidate) {
                menu = candidate
                if lexer.consume("/") { continue }
                lexer.skipBlanks()
                if let next = lexer.current, !ScriptLexer.delimiters.contains(next), next != "\n", next != "/" { continue }
                return (menu, nil)
            }
            guard schema.hasMenu(menu), schema.arguments(of: word, in: menu) != nil else {
                throw ScriptError(message: TrapText.badCommandName(word, at: position))
            }
            if lexer.current == "/" { throw syntaxError() }
            return (menu, (word, position))
        }
    }

    private func isMenuOrFolder(_ path: String) -> Bool {
        schema.menus.keys.contains { $0 == path || $0.hasPrefix(path + "/") }
    }

    // MARK: - Values

    /// A bare word, a quoted string or a `[find …]`.
    private mutating func parseValue(menu: String, inBlock: Bool) throws(ScriptError) -> ScriptValue {
        switch lexer.current {
        case "\"": return .text(try lexer.readQuoted())
        case "[": return .find(try parseFind(defaultMenu: menu))
        default: return .text(try parseBareValue(stoppingAt: inBlock ? ["}"] : []))
        }
    }

    /// A bare value up to a blank or the end of the command; RouterOS syntax inside it fails.
    private mutating func parseBareValue(stoppingAt stops: Set<Unicode.Scalar>) throws(ScriptError) -> String {
        let value = lexer.readWord(stoppingAt: stops)
        if let scalar = lexer.current, ScriptLexer.delimiters.contains(scalar), scalar != ";", !stops.contains(scalar) {
            if scalar == "$" { throw ScriptError(message: TrapText.scriptNotSimulated("variable substitution", at: lexer.position)) }
            throw syntaxError()
        }
        return value
    }

    /// `[find]`, `[find where a=b and !c]` or `[/menu find where …]`, the lexer on `[`.
    private mutating func parseFind(defaultMenu: String) throws(ScriptError) -> FindQuery {
        try lexer.expect("[")
        lexer.skipBlanks()
        let start = lexer.position
        let (menu, found) = try parseMenuAndVerb(relativeTo: defaultMenu)
        guard let verb = found else { throw syntaxError() }
        guard verb.name == "find" else {
            throw ScriptError(message: TrapText.scriptNotSimulated("[\(verb.name)]", at: start))
        }
        var conditions: [FindQuery.Condition] = []
        lexer.skipBlanks()
        if lexer.consume("where") {
            while true {
                lexer.skipBlanks()
                if lexer.current == "]" { break }
                conditions.append(try parseCondition())
                lexer.skipBlanks()
                if lexer.current == "]" { break }
                guard lexer.consume("and"), let next = lexer.current, ScriptLexer.isBlank(next) else { throw syntaxError() }
            }
        }
        try lexer.expect("]")
        return FindQuery(menu: menu, conditions: conditions)
    }

    /// `name=value` or `!name`.
    private mutating func parseCondition() throws(ScriptError) -> FindQuery.Condition {
        let absent = lexer.consume("!")
        let name = lexer.readWord(stoppingAt: ["=", "!"])
        guard !name.isEmpty else { throw syntaxError() }
        if absent { return .absent(name) }
        try lexer.expect("=")
        let value = lexer.current == "\"" ? try lexer.readQuoted() : try parseBareValue(stoppingAt: ["]"])
        return .equals(name, value)
    }

    // MARK: - :if

    /// `:if ([:len [/menu find where …]] = N) do={ command }`, the lexer after `:if`.
    private mutating func parseConditional() throws(ScriptError) -> ScriptStatement {
        lexer.skipBlanks()
        try lexer.expect("(")
        lexer.skipBlanks()
        try lexer.expect("[")
        lexer.skipBlanks()
        try lexer.expect(":len")
        lexer.skipBlanks()
        let query = try parseFind(defaultMenu: currentMenu)
        lexer.skipBlanks()
        try lexer.expect("]")
        lexer.skipBlanks()
        let comparison: CountCondition.Comparison
        if lexer.consume("!=") { comparison = .notEqual } else if lexer.consume("=") { comparison = .equal } else if lexer.consume(">") { comparison = .greater } else { throw syntaxError() }
        lexer.skipBlanks()
        let digits = lexer.readWord(stoppingAt: [")"])
        guard let count = Int(digits), count >= 0 else { throw syntaxError() }
        lexer.skipBlanks()
        try lexer.expect(")")
        lexer.skipBlanks()
        try lexer.expect("do={")
        lexer.skipWhitespace()
        guard lexer.current != ":", let command = try parseCommand(inBlock: true) else {
            throw ScriptError(message: TrapText.scriptNotSimulated("a do block other than one command", at: lexer.position))
        }
        lexer.skipWhitespace()
        if lexer.consume(";") { lexer.skipWhitespace() }
        try lexer.expect("}")
        return .conditional(CountCondition(query: query, comparison: comparison, count: count), command)
    }
}
