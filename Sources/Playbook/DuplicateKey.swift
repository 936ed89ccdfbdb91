/// Where a mapping key appears the second time. Yams reports a duplicated key at its first
/// occurrence; a user looks for the second, the one to delete.
enum DuplicateKey {
    /// The line and column (both from 1, columns in Unicode scalars as libYAML counts them) of
    /// the next occurrence of `key` in the same mapping as the one at `line`:`column`: further down
    /// at the same column in block style, or later on the same line in flow style. nil when not found.
    static func secondOccurrence(of key: String, line: Int, column: Int, in text: String) -> (line: Int, column: Int)? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
        guard line >= 1, line <= lines.count, column >= 1 else { return nil }
        let spellings = [key, "\"\(key)\"", "'\(key)'"].map { Array($0.unicodeScalars) }

        // Flow style: `{ a: 1, a: 2 }`, the second after a comma on the same line.
        let first = lines[line - 1]
        for comma in first.indices.dropFirst(column) where first[comma] == "," {
            if let start = first[(comma + 1)...].firstIndex(where: { $0 != " " }), spellings.contains(where: { isKey($0, at: start, in: first) }) {
                return (line, start + 1)
            }
        }

        // Block style: a later line of the same mapping, the key at the same column; the mapping
        // ends at the first line indented less (a new sequence item too) that is neither blank nor a comment.
        for number in line..<lines.count {
            let scalars = lines[number]
            guard let start = scalars.firstIndex(where: { $0 != " " && $0 != "\r" }), scalars[start] != "#" else { continue }
            if start < column - 1 { return nil }
            if start == column - 1, spellings.contains(where: { isKey($0, at: start, in: scalars) }) { return (number + 1, column) }
        }
        return nil
    }

    /// Whether `line` holds `key` at `start`, followed by optional spaces and a colon.
    private static func isKey(_ key: [Unicode.Scalar], at start: Int, in line: [Unicode.Scalar]) -> Bool {
        guard start + key.count <= line.count, Array(line[start..<(start + key.count)]) == key else { return false }
        return line[(start + key.count)...].first(where: { $0 != " " }) == ":"
    }
}
