import Foundation

/// Reads a shell environment file of `export NAME=value` lines (as `Playbooks/example.env`):
/// quotes removed, `# comments` and blank lines skipped, a trailing ` # comment` dropped.
public enum EnvironmentFile {
    public static func read(_ path: String) throws -> [String: String] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var values: [String: String] = [:]
        for line in text.split(separator: "\n") {
            var statement = line.trimmingCharacters(in: .whitespaces)
            guard !statement.hasPrefix("#"), !statement.isEmpty else { continue }
            if statement.hasPrefix("export ") { statement.removeFirst(7) }
            let parts = statement.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2 { values[parts[0]] = value(parts[1]) }
        }
        return values
    }

    /// The right-hand side of an assignment as the shell reads it (no expansion).
    static func value(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let quote = trimmed.first, quote == "\"" || quote == "'", let end = trimmed.dropFirst().firstIndex(of: quote) {
            return String(trimmed[trimmed.index(after: trimmed.startIndex)..<end])
        }
        return String(trimmed.prefix { !$0.isWhitespace })
    }
}
