import ArgumentParser
import Playbook
import Reconciler

/// A failure to report as `rosplay: error: …` with exit status 1.
struct CLIError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}

/// Runs `body`; reports a playbook, plan, connection or TLS error on standard error and exits 1.
/// With `json` (a schema such as `rosplay.drift/1`), standard output gets the error as that
/// schema's error document too, so `--json` always prints a document.
func guarded<T>(json: String? = nil, router: String? = nil, _ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let error as ExitCode {
        throw error
    } catch {
        let problems = ErrorDocument.problems(of: error)
        for problem in problems {
            if let location = problem.location { Terminal.standardError("\(location): error: \(problem.message)") } else { Terminal.error(problem.message) }
        }
        if let json { print(ErrorDocument(schema: json, router: router, problems: problems).text) }
        throw ExitCode(1)
    }
}
