/// Where something is in a script, as RouterOS reports it: `(line 3 column 17)`, both from 1.
struct ScriptPosition: Hashable, Sendable, CustomStringConvertible {
    let line: Int
    let column: Int

    var description: String { "(line \(line) column \(column))" }
}

/// A value given to a command: text, or the `.id`s that a `[find …]` yields when the line runs.
enum ScriptValue: Hashable, Sendable {
    case text(String)
    case find(FindQuery)
}

/// One `name=value` (or the unnamed parameter, under the name it stands for) of a command.
struct ScriptArgument: Hashable, Sendable {
    let name: String
    let value: ScriptValue
}

/// `[find]` or `[find where a=b and !c]` in `menu`: the `.id`s of the entries that match.
struct FindQuery: Hashable, Sendable {
    /// One condition of `where`.
    enum Condition: Hashable, Sendable {
        /// `name=value`: the property prints as `value` once normalised like a given value.
        case equals(String, String)
        /// `!name`: the property is not set, empty or false.
        case absent(String)
    }

    let menu: String
    let conditions: [Condition]
}

/// `[:len [find …]] = N` (or `!=`, `>`): the test of an `:if`.
struct CountCondition: Hashable, Sendable {
    enum Comparison: Hashable, Sendable {
        /// `=`
        case equal
        /// `!=`
        case notEqual
        /// `>`
        case greater
    }

    let query: FindQuery
    let comparison: Comparison
    let count: Int

    func holds(forCount found: Int) -> Bool {
        switch comparison {
        case .equal: return found == count
        case .notEqual: return found != count
        case .greater: return found > count
        }
    }
}

/// A command of a script: `/ip firewall filter add chain=forward action=accept`.
struct ScriptCommand: Hashable, Sendable {
    /// The menu, in API form (`/ip/firewall/filter`).
    let menu: String
    let verb: String
    let arguments: [ScriptArgument]
    /// Where the command starts; its line is what a failure reports.
    let position: ScriptPosition

    /// The API command word, `/ip/firewall/filter/add`.
    var path: String { menu + "/" + verb }
}

/// One line of a script the mock interprets.
enum ScriptStatement: Hashable, Sendable {
    case command(ScriptCommand)
    /// `:if ([:len [/menu find where …]] = 0) do={ command }`.
    case conditional(CountCondition, ScriptCommand)
}

/// Why a script did not run to its end: the message `/system/script/run` traps with.
struct ScriptError: Error, Hashable, Sendable {
    let message: String
}
