import Playbook
import Reconciler

/// What `--json` prints when a command cannot finish, so a script reading standard output always
/// gets a document: `{"schema", "router", "error", "problems": [{"file", "line", "column", "message"}], "exitStatus"}`.
/// `error` is every message in one text, as printed on standard error; `problems` are the same one by
/// one, with their place in a playbook where they have one.
struct ErrorDocument {
    /// One message, with where the playbook says what caused it.
    struct Problem {
        var location: SourceLocation?
        var message: String
    }

    var schema: String
    var router: String?
    var problems: [Problem]
    var exitStatus: Int32 = 1

    /// The problems `error` stands for: one per diagnostic of a playbook or plan, else one.
    static func problems(of error: Error) -> [Problem] {
        switch error {
        case let error as PlaybookError: return error.diagnostics.map(Problem.init)
        case let error as PlanError: return error.problems.map(Problem.init)
        default: return [Problem(location: nil, message: "\(error)")]
        }
    }

    var text: String {
        let joined = problems.map { problem in problem.location.map { "\($0): error: \(problem.message)" } ?? problem.message }.joined(separator: "\n")
        let items = problems.map { problem in
            JSONValue.object(["file": .text(problem.location?.file), "line": problem.location.map { .number($0.line) } ?? .null,
                              "column": problem.location.map { .number($0.column) } ?? .null, "message": .string(problem.message)])
        }
        return JSONValue.object(["schema": .string(schema), "router": .text(router), "error": .string(joined), "problems": .array(items),
                                 "exitStatus": .number(Int(exitStatus))]).text
    }

    /// The schema of the `--json` document `arguments` ask for, when they ask for one: for a
    /// usage error or an interrupt, before or without a parsed command.
    static func schema(requestedBy arguments: [String]) -> String? {
        guard arguments.contains("--json"), let command = arguments.first(where: { !$0.hasPrefix("-") }) else { return nil }
        return ["plan", "drift", "apply", "menus"].contains(command) ? "rosplay.\(command)/1" : nil
    }
}

extension ErrorDocument.Problem {
    init(_ diagnostic: Diagnostic) {
        self.init(location: diagnostic.location, message: diagnostic.text)
    }
}
