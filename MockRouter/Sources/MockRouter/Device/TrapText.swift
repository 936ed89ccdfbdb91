import RouterOSAPI

/// Every `!trap` and `!fatal` text the mock produces, in one place so they can be corrected together.
///
/// Sources: ROUTEROS.md §2–§5 (MikroTik's API manual, librouteros, client READMEs and issue
/// threads). Texts marked "assumed" in `MockRouter/README.md` have not been seen from a router.
enum TrapText {
    /// Wrong user name or password (v7).
    static let invalidLogin = Reply.trap("invalid user name or password (6)")
    /// A command before a successful login (a `!fatal`, then the connection closes).
    static let notLoggedIn = "not logged in"
    /// `/quit` (a `!fatal`, then the connection closes).
    static let sessionTerminated = "session terminated on request"
    /// A cancelled command.
    static let interrupted = Reply.trap("interrupted", category: .interrupted)
    /// A command whose `.tag` (or lack of one) is that of a command still running (assumed).
    static func tagInUse(_ tag: String?) -> Reply {
        Reply.trap(tag.map { "tag \($0) is already in use" } ?? "an untagged command is already running", category: .apiFailure)
    }

    /// A path whose menu does not exist: RouterOS sends two traps.
    static func noSuchDirectory(_ name: String) -> [Reply] {
        [Reply.trap("no such command or directory (\(name))", category: .missingItemOrCommand),
         Reply.trap("no such command prefix", category: .missingItemOrCommand)]
    }

    /// A menu that exists without that command.
    static let noSuchCommand = Reply.trap("no such command", category: .missingItemOrCommand)

    /// An argument the command does not take.
    static func unknownParameter(_ name: String) -> Reply {
        Reply.trap("unknown parameter \(name)")
    }

    /// An `.id` (or name) that matches no entry.
    static let noSuchItem = Reply.trap("no such item")

    /// A command the mock knows RouterOS has but does not simulate.
    static func notSimulated(_ path: String) -> Reply {
        Reply.trap("\(path) is not simulated by MockRouter", category: .generalFailure)
    }
}

extension TrapText {
    /// A user whose group lacks the `write` policy tried to change something.
    static let notEnoughPermissions = Reply.trap("not enough permissions (9)")

    /// A required selector (`numbers`, `value-name`) is missing.
    static func missingArgument(_ name: String) -> Reply {
        Reply.trap("missing value(s) of argument(s) \(name)", category: .argumentValueFailure)
    }
}

extension TrapText {
    /// What a secret prints as for a user without the `sensitive` policy (assumed).
    static let maskedSecret = "*****"

    /// A value the property's type refuses (assumed wording).
    static func invalidValue(_ value: String, for name: String, _ error: ValueError) -> Reply {
        switch error {
        case .notOneOf: return noSuchValue(name)
        case .outOfRange(let range): return Reply.trap("value of \(name) is out of range (\(range))", category: .argumentValueFailure)
        default: return invalidArgument(name)
        }
    }

    /// A malformed value (assumed wording).
    static func invalidArgument(_ name: String) -> Reply {
        Reply.trap("invalid value for argument \(name)", category: .argumentValueFailure)
    }

    /// A name that matches no entry or enumeration word (documented for `interface`).
    static func noSuchValue(_ name: String) -> Reply {
        Reply.trap("input does not match any value of \(name)", category: .argumentValueFailure)
    }

    /// An entry that would duplicate another (RouterOS's text when the catalog knows it).
    static func duplicate(_ message: String?) -> Reply {
        Reply.trap(message ?? "failure: already have such entry")
    }

    /// A dynamic, built-in or default entry (assumed wording).
    static let cannotRemoveProtected = Reply.trap("failure: cannot remove dynamic, builtin or default entry")
}

import RouterModel

extension TrapText {
    /// The `!trap` of `--trap-on`.
    static func injected(_ path: String) -> Reply {
        Reply.trap("failure: injected by --trap-on for \(path)", category: .generalFailure)
    }
}

extension TrapText {
    /// A feature the router's device-mode disables (`failure: not allowed by device-mode`; 3P for
    /// `/system/scheduler/add`, DOC for interactive commands of a disabled feature).
    static let notAllowedByDeviceMode = Reply.trap("failure: not allowed by device-mode")

    /// `/system/clock set time=` or `date=`: the mock's clock is the host's.
    static let clockNotSettable = Reply.trap("setting the clock is not simulated by MockRouter", category: .generalFailure)
}

/// What a script that cannot run, or stops, reports (`/system/script/run`'s `!trap`).
/// Lines and columns count from 1; the column is that of the offending character.
extension TrapText {
    /// A character that cannot stand where it is (3P: `syntax error (line 4 column 10)` for a `'`).
    static func scriptSyntaxError(at position: ScriptPosition) -> String {
        "syntax error \(position)"
    }

    /// A menu or command the router does not have (3P: `bad command name routerboard (line 236 column 42)`).
    static func badCommandName(_ name: String, at position: ScriptPosition) -> String {
        "bad command name \(name) \(position)"
    }

    /// More words after a complete command (3P: `expected end of command (line 1 column 45)`).
    static func expectedEndOfCommand(at position: ScriptPosition) -> String {
        "expected end of command \(position)"
    }

    /// Script language the mock does not interpret (variables, `:put`, `print`…): said honestly.
    static func scriptNotSimulated(_ what: String, at position: ScriptPosition) -> String {
        "\(what) is not simulated by MockRouter \(position)"
    }

    /// A command of a running script that the router refused (3P, from `/import`:
    /// `failure: not allowed by device-mode (/system/scheduler/add; line 1)`).
    static func scriptLineFailed(_ message: String, path: String, line: Int) -> String {
        "\(message) (\(path); line \(line))"
    }

    /// Scripts running scripts deeper than the mock allows (a script that runs itself).
    static func scriptNestingTooDeep(_ limit: Int) -> String {
        "scripts nested deeper than \(limit) are refused by MockRouter"
    }

    /// A script cut short because the router stopped or was reset.
    static let scriptInterrupted = "interrupted"
}
