import Foundation

/// Reads a shell environment file (as `Playbooks/example.env`): lines of `NAME=value` words, each
/// line optionally starting with `export`, values optionally quoted, `#` starting a comment.
/// No expansion is done.
public enum EnvironmentFile {
    public static func read(_ path: String) throws -> [String: String] {
        let text = try TextFile.read(path)
        var values: [String: String] = [:]
        for line in text.split(whereSeparator: \.isNewline) {
            for word in words(line) where word != "export" {
                let parts = word.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                if parts.count == 2, !parts[0].isEmpty { values[parts[0]] = parts[1] }
            }
        }
        return values
    }

    /// The line split into shell words: quotes group and are removed, an unquoted `#` ends the line.
    static func words(_ line: Substring) -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        for character in line {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "\"" || character == "'" {
                quote = character
                inWord = true
            } else if character == "#", !inWord {
                break
            } else if character.isWhitespace {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(character)
                inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }
}

/// A secret kept in a file: its first line, as `--password-file` and playbook `{file: PATH}` secrets read it.
public enum SecretFile {
    public static func firstLine(_ path: String) throws -> String {
        let text = try TextFile.read(path)
        // "\r\n" is one Character in Swift, so lines are split on any newline, CRLF included.
        return String(text.split(maxSplits: 1, omittingEmptySubsequences: false, whereSeparator: \.isNewline).first ?? "")
    }
}
