import Foundation

/// The few non-ASCII characters reports use, and their ASCII stand-ins for a terminal whose
/// locale is not UTF-8.
public struct TextSymbols: Sendable {
    public var arrow: String
    public var move: String
    public var times: String
    public var ellipsis: String
    public var because: String

    public static let unicode = TextSymbols(arrow: "→", move: "↕", times: "×", ellipsis: "…", because: "↳")
    public static let ascii = TextSymbols(arrow: "->", move: "<>", times: "x", ellipsis: "...", because: "=>")

    /// UTF-8 when the locale (`LC_ALL`, else `LC_CTYPE`, else `LANG`) names it; ASCII otherwise,
    /// including when none is set (the POSIX locale, as under cron or `env -i`).
    public static func forLocale(_ environment: [String: String]) -> TextSymbols {
        let locale = [environment["LC_ALL"], environment["LC_CTYPE"], environment["LANG"]].compactMap { $0 }.first { !$0.isEmpty }
        guard let locale else { return .ascii }
        let lowered = locale.lowercased()
        return lowered.contains("utf-8") || lowered.contains("utf8") ? .unicode : .ascii
    }

    /// `text` with the Unicode symbols written as these: messages composed anywhere keep to the
    /// locale's characters.
    public func transliterating(_ text: String) -> String {
        let pairs = [(Self.unicode.arrow, arrow), (Self.unicode.move, move), (Self.unicode.times, times),
                     (Self.unicode.ellipsis, ellipsis), (Self.unicode.because, because)]
        return pairs.reduce(text) { text, pair in pair.0 == pair.1 ? text : text.replacingOccurrences(of: pair.0, with: pair.1) }
    }
}
