/// The menu paths a playbook names under `menus:`, found by glancing at its lines instead of
/// parsing it: what rosplay can start reading from the router while the YAML is still parsed.
///
/// Only the usual layout is seen: `menus:` at the start of a line, then each path as a key of its
/// own line, indented (`  /ip/address:`). Paths written otherwise (flow style, included files)
/// are simply not seen, and are read once the playbooks are parsed. The paths are unchecked: a
/// guess to confirm, never a substitute for ``PlaybookLoader``.
public enum MenuGlance {
    public static func paths(in text: String) -> [String] {
        var paths: [String] = []
        var inMenus = false
        for line in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
            guard let first = line.first else { continue }
            if first != UInt8(ascii: " ") {
                // A top-level key (or a comment) starts or ends the menus.
                if first != UInt8(ascii: "#") { inMenus = line.starts(with: "menus:".utf8) }
                continue
            }
            guard inMenus, let start = line.firstIndex(where: { $0 != UInt8(ascii: " ") }), line[start] == UInt8(ascii: "/"),
                  let colon = line[start...].firstIndex(of: UInt8(ascii: ":")),
                  endsKey(line[line.index(after: colon)...]) else { continue }
            paths.append(String(decoding: line[start..<colon], as: UTF8.self))
        }
        return paths
    }

    /// True when what follows a key's colon leaves the value to the next lines: spaces, perhaps a comment.
    private static func endsKey(_ rest: Substring.UTF8View.SubSequence) -> Bool {
        let value = rest.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") }
        return value.first.map { $0 == UInt8(ascii: "#") } ?? true
    }

    /// The paths of every readable file of `files`.
    public static func paths(inFiles files: [String]) -> [String] {
        files.flatMap { file in (try? TextFile.read(file)).map(paths(in:)) ?? [] }
    }
}
