/// Reads a script's characters left to right and knows the line and column of each, for the
/// positions RouterOS puts in its errors. Every read either advances or fails, so no input can
/// make a reader loop.
struct ScriptLexer {
    private let scalars: [Unicode.Scalar]
    /// Index of the first character of each line.
    private let lineStarts: [Int]
    private(set) var index = 0

    /// Characters that end a bare word: RouterOS syntax of their own.
    static let delimiters: Set<Unicode.Scalar> = [";", "\"", "[", "]", "{", "}", "(", ")", "$", "'", "\\"]

    init(_ source: String) {
        scalars = Array(source.unicodeScalars)
        var starts = [0]
        for (offset, scalar) in scalars.enumerated() where scalar == "\n" { starts.append(offset + 1) }
        lineStarts = starts
    }

    var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    func peek(_ offset: Int) -> Unicode.Scalar? {
        let at = index + offset
        return at < scalars.count ? scalars[at] : nil
    }

    /// The position of the current character (just past the end at the end).
    var position: ScriptPosition { position(of: index) }

    func position(of offset: Int) -> ScriptPosition {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return ScriptPosition(line: low + 1, column: offset - lineStarts[low] + 1)
    }

    mutating func advance(_ count: Int = 1) {
        index = min(index + count, scalars.count)
    }

    /// Moves back to `offset`, read before.
    mutating func rewind(to offset: Int) {
        index = offset
    }

    static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\r"
    }

    /// Skips spaces and tabs on this line.
    mutating func skipBlanks() {
        while let scalar = current, Self.isBlank(scalar) { advance() }
    }

    /// Skips blanks and line ends.
    mutating func skipWhitespace() {
        while let scalar = current, Self.isBlank(scalar) || scalar == "\n" { advance() }
    }

    /// Skips to the end of the line (not past it).
    mutating func skipLine() {
        while let scalar = current, scalar != "\n" { advance() }
    }

    /// Consumes `text` when the input continues with it.
    mutating func consume(_ text: String) -> Bool {
        let expected = Array(text.unicodeScalars)
        for (offset, scalar) in expected.enumerated() where peek(offset) != scalar { return false }
        advance(expected.count)
        return true
    }

    /// Consumes `text` or fails with a syntax error where it should have been.
    mutating func expect(_ text: String) throws(ScriptError) {
        guard consume(text) else { throw ScriptError(message: TrapText.scriptSyntaxError(at: position)) }
    }

    /// A run of characters up to a blank, a line end, a delimiter or one of `stops`; may be empty.
    mutating func readWord(stoppingAt stops: Set<Unicode.Scalar> = []) -> String {
        var word = String.UnicodeScalarView()
        while let scalar = current, !Self.isBlank(scalar), scalar != "\n", !Self.delimiters.contains(scalar), !stops.contains(scalar) {
            word.append(scalar)
            advance()
        }
        return String(word)
    }

    /// A double-quoted string, the cursor on its opening quote, with RouterOS's escapes:
    /// `\"`, `\\`, `\$`, `\?`, `\_` (space), `\a`, `\b`, `\f`, `\n`, `\r`, `\t`, `\v` and `\XX` (two hex digits,
    /// capital letters: `\4A` is `J`).
    /// An unescaped `$` would substitute a variable, which the mock does not simulate.
    mutating func readQuoted() throws(ScriptError) -> String {
        try expect("\"")
        var text = String.UnicodeScalarView()
        while true {
            guard let scalar = current else { throw ScriptError(message: TrapText.scriptSyntaxError(at: position)) }
            switch scalar {
            case "\"":
                advance()
                return String(text)
            case "$":
                throw ScriptError(message: TrapText.scriptNotSimulated("variable substitution", at: position))
            case "\\":
                text.append(try readEscape())
            default:
                text.append(scalar)
                advance()
            }
        }
    }

    private static let escapes: [Unicode.Scalar: Unicode.Scalar] = [
        "\"": "\"", "\\": "\\", "$": "$", "?": "?", "_": " ",
        "a": "\u{07}", "b": "\u{08}", "f": "\u{0C}", "n": "\n", "r": "\r", "t": "\t", "v": "\u{0B}",
    ]

    /// One escape sequence, the cursor on its backslash.
    private mutating func readEscape() throws(ScriptError) -> Unicode.Scalar {
        let start = position
        advance()
        if let first = current, let second = peek(1), let high = Self.hexValue(first), let low = Self.hexValue(second) {
            advance(2)
            return Unicode.Scalar(UInt8(high * 16 + low))
        }
        if let scalar = current, let escaped = Self.escapes[scalar] {
            advance()
            return escaped
        }
        throw ScriptError(message: TrapText.scriptSyntaxError(at: start))
    }

    /// The value of a hexadecimal digit; RouterOS's `\XX` takes capital letters only, so `\a`,
    /// `\b` and `\f` stay escapes of their own.
    private static func hexValue(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar {
        case "0"..."9": return Int(scalar.value - 48)
        case "A"..."F": return Int(scalar.value - 55)
        default: return nil
        }
    }
}
