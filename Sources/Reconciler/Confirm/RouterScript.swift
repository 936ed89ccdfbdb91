/// Writing RouterOS script: console menu paths, quoted values and `[find where …]` selections,
/// as `/export` writes them.
enum RouterScript {
    /// `/ip/firewall/filter` → `/ip firewall filter`.
    static func menu(_ path: String) -> String {
        "/" + path.split(separator: "/").joined(separator: " ")
    }

    /// A value in double quotes with RouterOS's escapes: `\\`, `\"`, `\$` (no variable is meant),
    /// `\?`, `\n`, `\r`, `\t`, and other control bytes as `\XX`.
    static func quote(_ value: String) -> String {
        var quoted = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": quoted += "\\\\"
            case "\"": quoted += "\\\""
            case "$": quoted += "\\$"
            case "?": quoted += "\\?"
            case "\n": quoted += "\\n"
            case "\r": quoted += "\\r"
            case "\t": quoted += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                quoted += "\\" + (hex.count == 1 ? "0" + hex : hex)
            default: quoted.unicodeScalars.append(scalar)
            }
        }
        return quoted + "\""
    }

    /// `name="value"` pairs, sorted by name.
    static func arguments(_ values: [String: String]) -> String {
        values.sorted { $0.key < $1.key }.map { "\($0.key)=\(quote($0.value))" }.joined(separator: " ")
    }

    /// `[find where a="1" and !b]`, or `[find]` when `match` has no condition; with `menu`,
    /// `[/ip firewall filter find where …]`.
    static func find(_ match: EntryMatch, in menu: String? = nil) -> String {
        let find = menu.map { "\($0) find" } ?? "find"
        guard !match.conditions.isEmpty else { return "[\(find)]" }
        let conditions = match.conditions.map { condition in
            condition.value.map { "\(condition.name)=\(quote($0))" } ?? "!\(condition.name)"
        }
        return "[\(find) where " + conditions.joined(separator: " and ") + "]"
    }
}
