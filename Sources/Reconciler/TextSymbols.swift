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

    /// UTF-8 unless the locale (`LC_ALL`, else `LC_CTYPE`, else `LANG`) names another encoding.
    public static func forLocale(_ environment: [String: String]) -> TextSymbols {
        let locale = [environment["LC_ALL"], environment["LC_CTYPE"], environment["LANG"]].compactMap { $0 }.first { !$0.isEmpty }
        guard let locale else { return .unicode }
        let lowered = locale.lowercased()
        return lowered.contains("utf-8") || lowered.contains("utf8") ? .unicode : .ascii
    }
}
