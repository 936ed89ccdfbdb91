import Foundation

/// Replaces `${NAME}` in values, and remembers which values carry a secret so they are never printed.
///
/// A name is looked up in `secrets`, then `--var`, then the environment, then the playbooks' `vars`
/// (defaults), so `export LAN_PREFIX=…` (as in `Playbooks/example.env`) is enough to substitute a value.
/// It remembers the names it was asked for, so a `--var` nothing uses can be pointed out.
final class VariableResolver {
    private var values: [String: String] = [:]
    private var secretValues: [String: String] = [:]
    private let environment: [String: String]
    /// Secrets that could not be read, reported with the rest of the playbook's problems.
    private(set) var secretProblems: [Diagnostic] = []
    /// Secrets left unread, on purpose (`validate` checks structure without them) or because they
    /// could not be read (already reported): values that use one are not resolved, and no second
    /// problem is reported for them.
    private(set) var unreadSecrets: Set<String> = []
    /// Every name a value referred to.
    private(set) var used: Set<String> = []

    init(document: PlaybookDocument, overrides: [String: String], environment: [String: String], readSecrets: Bool = true) {
        self.environment = environment
        // `vars` are defaults; the environment overrides them, and `--var` overrides both.
        for (name, value) in document.variables { values[name] = environment[name] ?? value.value }
        for (name, value) in overrides { values[name] = value }
        for (name, source) in document.secrets.sorted(by: { $0.key < $1.key }) {
            guard readSecrets else {
                unreadSecrets.insert(name)
                continue
            }
            switch source {
            case .environment(let variable, let location):
                if let value = environment[variable] {
                    secretValues[name] = value
                } else {
                    secretProblems.append(Diagnostic(location, "secret \(name): environment variable \(variable) is not set"))
                    unreadSecrets.insert(name)
                }
            case .file(let path, let location):
                do {
                    secretValues[name] = try SecretFile.firstLine(path)
                } catch {
                    secretProblems.append(Diagnostic(location, "secret \(name): \(error)"))
                    unreadSecrets.insert(name)
                }
            }
        }
    }

    /// The value with every `${NAME}` replaced, and whether a secret went into it; nil after a
    /// problem, or when it uses a secret left unread.
    func resolve(_ value: Located<String>, diagnostics: inout [Diagnostic]) -> (String, Bool)? {
        // Most values use no variable: one byte search instead of Foundation's string search.
        guard value.value.utf8.contains(UInt8(ascii: "$")) else { return (value.value, false) }
        var result = ""
        var secret = false
        var rest = Substring(value.value)
        while let start = rest.range(of: "${") {
            result += rest[..<start.lowerBound]
            guard let end = rest[start.upperBound...].firstIndex(of: "}") else {
                diagnostics.append(Diagnostic(value.location, "unclosed ${ in '\(value.value)'"))
                return nil
            }
            let name = String(rest[start.upperBound..<end])
            used.insert(name)
            if unreadSecrets.contains(name) { return nil }
            if let text = secretValues[name] {
                result += text
                secret = true
            } else if let text = values[name] ?? environment[name] {
                result += text
            } else {
                diagnostics.append(Diagnostic(value.location, "undefined variable ${\(name)}",
                                              hint: Suggestion.closest(to: name, in: Array(values.keys) + Array(secretValues.keys))))
                return nil
            }
            rest = rest[rest.index(after: end)...]
        }
        return (result + rest, secret)
    }
}
