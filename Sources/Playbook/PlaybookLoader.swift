import Foundation
import RouterModel
import Yams

/// Reads playbook files (YAML) and their includes into one ``PlaybookDocument``.
///
/// Problems (each naming `file:line:column`) are kept in the document's ``PlaybookDocument/problems``
/// and reported by ``PlaybookValidator`` together with its own, so a user sees every problem at once.
/// Nothing here knows RouterOS; the validator does.
public enum PlaybookLoader {
    static let topLevelKeys = ["routeros", "board", "include", "vars", "secrets", "menus"]
    static let sectionKeys = ["identity", "exclusive", "entries"]

    /// Loads `paths` in order (and what they include) into one document.
    public static func load(_ paths: [String]) -> PlaybookDocument {
        var loader = Loading()
        for path in paths { loader.load(path, from: nil) }
        return loader.document
    }

    /// Loads playbook text given directly (tests, stdin).
    public static func load(text: String, file: String) -> PlaybookDocument {
        var loader = Loading()
        loader.parse(text, file: file)
        return loader.document
    }

    private struct Loading {
        var document = PlaybookDocument(variables: [:], secrets: [:], menus: [], problems: [])
        var seen: Set<String> = []

        mutating func load(_ path: String, from includer: SourceLocation?) {
            let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
            // Each file is loaded once: a part included from two places (or a cycle) is read the first time only.
            guard seen.insert(absolute).inserted else { return }
            do {
                parse(try TextFile.read(absolute), file: path)
            } catch {
                document.problems.append(Diagnostic(includer ?? SourceLocation(file: path, line: 1, column: 1), "cannot read playbook '\(path)': \(error.reason)"))
            }
        }

        mutating func parse(_ text: String, file: String) {
            let root: Node
            do {
                // Every scalar is read as text (RouterOS values are words, normalised later), so no
                // tag rules: Yams' default resolver runs a regular expression per scalar.
                guard let node = try Yams.compose(yaml: text, .basic) else { return }
                root = node
            } catch let error as YamlError {
                document.problems.append(Self.diagnostic(for: error, file: file))
                return
            } catch {
                document.problems.append(Diagnostic(SourceLocation(file: file, line: 1, column: 1), "\(error)"))
                return
            }
            guard let mapping = root.mapping else {
                document.problems.append(Diagnostic(location(root, file), "a playbook is a mapping with keys \(PlaybookLoader.topLevelKeys.joined(separator: ", "))"))
                return
            }
            for (keyNode, value) in mapping {
                let key = keyNode.string ?? ""
                let at = location(keyNode, file)
                switch key {
                case "routeros":
                    if let version = scalar(value, file) { document.minimumVersion = laterVersion(document.minimumVersion, version) }
                case "board":
                    if let board = scalar(value, file) {
                        if let existing = document.board, existing.value != board.value {
                            document.problems.append(Diagnostic(board.location, "board '\(board.value)' contradicts '\(existing.value)' at \(existing.location)"))
                        }
                        document.board = board
                    }
                case "include":
                    for item in value.sequence.map(Array.init) ?? [value] {
                        guard let include = scalar(item, file) else { continue }
                        // A relative include is relative to the including file; an absolute one is itself.
                        let base = URL(fileURLWithPath: file).deletingLastPathComponent()
                        let path = include.value.hasPrefix("/") ? include.value : base.appendingPathComponent(include.value).path
                        load(path, from: include.location)
                    }
                case "vars":
                    for (name, entry) in pairs(value, file, what: "vars") {
                        document.variables[name.value] = entry
                    }
                case "secrets":
                    readSecrets(value, file)
                case "menus":
                    readMenus(value, file)
                default:
                    document.problems.append(Diagnostic(at, "unknown top-level key '\(key)'", hint: Suggestion.closest(to: key, in: PlaybookLoader.topLevelKeys)))
                }
            }
        }

        mutating func readSecrets(_ node: Node, _ file: String) {
            guard let mapping = node.mapping else {
                document.problems.append(Diagnostic(location(node, file), "secrets is a mapping NAME: {env: VARIABLE} or NAME: {file: PATH}"))
                return
            }
            for (nameNode, source) in mapping {
                let name = nameNode.string ?? ""
                let at = location(nameNode, file)
                if let env = source.mapping?["env"]?.string {
                    document.secrets[name] = .environment(env, at)
                } else if let path = source.mapping?["file"]?.string {
                    let base = URL(fileURLWithPath: file).deletingLastPathComponent()
                    document.secrets[name] = .file(path.hasPrefix("/") ? path : base.appendingPathComponent(path).path, at)
                } else {
                    document.problems.append(Diagnostic(at, "secret '\(name)' needs {env: VARIABLE} or {file: PATH}; secrets are never written in a playbook"))
                }
            }
        }

        mutating func readMenus(_ node: Node, _ file: String) {
            guard let mapping = node.mapping else {
                document.problems.append(Diagnostic(location(node, file), "menus is a mapping from a menu path such as /ip/address to its entries"))
                return
            }
            for (pathNode, body) in mapping {
                let path = Located(pathNode.string ?? "", at: location(pathNode, file))
                var section = MenuSection(path: path, identity: nil, exclusive: false, entries: [])
                if let list = body.sequence {
                    section.entries = list.compactMap { entry($0, file) }
                } else if let options = body.mapping, options.keys.allSatisfy({ PlaybookLoader.sectionKeys.contains($0.string ?? "") }) {
                    section.identity = options["identity"].map { $0.sequence.map { $0.compactMap(\.string) } ?? [$0.string ?? ""] }
                    section.exclusive = options["exclusive"].map { boolean($0, file) } ?? false
                    section.entries = options["entries"]?.sequence?.compactMap { entry($0, file) } ?? []
                } else if body.mapping != nil {
                    // A settings menu (/system/identity): one entry written as a mapping.
                    section.entries = entry(body, file).map { [$0] } ?? []
                } else {
                    document.problems.append(Diagnostic(path.location, "\(path.value): expected a list of entries or a mapping of properties"))
                    continue
                }
                document.menus.append(section)
            }
        }

        mutating func entry(_ node: Node, _ file: String) -> EntryDocument? {
            guard let mapping = node.mapping else {
                document.problems.append(Diagnostic(location(node, file), "an entry is a mapping of RouterOS property names to values"))
                return nil
            }
            var entry = EntryDocument(location: location(node, file), properties: [], absent: false, exact: false, placeBefore: nil)
            for (keyNode, value) in mapping {
                let key = keyNode.string ?? ""
                switch key {
                case "_absent": entry.absent = boolean(value, file)
                case "_exact": entry.exact = boolean(value, file)
                case "_place-before":
                    entry.placeBefore = pairs(value, file, what: "_place-before").map { (name: $0.0, value: $0.1) }
                case _ where key.hasPrefix("_"):
                    document.problems.append(Diagnostic(location(keyNode, file), "unknown directive '\(key)'",
                                                  hint: Suggestion.closest(to: key, in: ["_absent", "_exact", "_place-before"])))
                default:
                    guard let text = scalarOrList(value, file) else { continue }
                    entry.properties.append((name: Located(key, at: location(keyNode, file)), value: text))
                }
            }
            return entry
        }

        // MARK: - Scalars

        mutating func scalar(_ node: Node, _ file: String) -> Located<String>? {
            guard let text = node.scalar?.string else {
                document.problems.append(Diagnostic(location(node, file), "expected a single value"))
                return nil
            }
            return Located(text, at: location(node, file))
        }

        /// A scalar, or a list of scalars joined with commas the way RouterOS writes lists.
        mutating func scalarOrList(_ node: Node, _ file: String) -> Located<String>? {
            if let items = node.sequence {
                let texts = items.compactMap { scalar($0, file)?.value }
                return Located(texts.joined(separator: ","), at: location(node, file))
            }
            return scalar(node, file)
        }

        mutating func pairs(_ node: Node, _ file: String, what: String) -> [(Located<String>, Located<String>)] {
            guard let mapping = node.mapping else {
                document.problems.append(Diagnostic(location(node, file), "\(what) is a mapping of names to values"))
                return []
            }
            return mapping.compactMap { key, value in
                scalarOrList(value, file).map { (Located(key.string ?? "", at: location(key, file)), $0) }
            }
        }

        /// A directive's yes/no, read by RouterOS's own rule; anything else is reported, not taken as no.
        mutating func boolean(_ node: Node, _ file: String) -> Bool {
            guard let text = node.string, let value = try? ValueNormalizer.normalize(text, as: .boolean) else {
                document.problems.append(Diagnostic(location(node, file), "expected yes or no, not '\(node.string ?? "")'"))
                return false
            }
            return value == "true"
        }

        func location(_ node: Node, _ file: String) -> SourceLocation {
            SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
        }

        /// The newer of two `routeros:` minimums; one that is not a version wins, so validation reports it.
        func laterVersion(_ current: Located<String>?, _ candidate: Located<String>) -> Located<String> {
            guard let current, let old = RouterOSVersion(current.value) else { return current ?? candidate }
            guard let new = RouterOSVersion(candidate.value) else { return candidate }
            return new > old ? candidate : current
        }

        /// The line and column (both from 1) of the character at `offset` in `text`.
        static func location(ofCharacter offset: Int, in text: String, file: String) -> SourceLocation {
            var line = 1, column = 1
            for character in text.prefix(max(0, offset)) {
                if character.isNewline { line += 1; column = 1 } else { column += 1 }
            }
            return SourceLocation(file: file, line: line, column: column)
        }

        static func diagnostic(for error: YamlError, file: String) -> Diagnostic {
            switch error {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
                return Diagnostic(SourceLocation(file: file, line: mark.line, column: mark.column), "YAML: \(problem)")
            case .reader(let problem, let offset, _, let yaml):
                // The error's own description quotes the offending line: give its position only.
                return Diagnostic(location(ofCharacter: offset ?? 0, in: yaml, file: file), "YAML: \(problem)")
            case .duplicatedKeysInMapping(let duplicates, let context):
                // The error's own description quotes the whole file, secrets included: name the key only.
                // Yams marks the first of them; point at the second, the one to delete.
                let keys = duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")
                let first = context.mark
                guard duplicates.count == 1, let second = DuplicateKey.secondOccurrence(of: duplicates[0], line: first.line, column: first.column, in: context.text) else {
                    return Diagnostic(SourceLocation(file: file, line: first.line, column: first.column), "YAML: key \(keys) given more than once in the same mapping")
                }
                return Diagnostic(SourceLocation(file: file, line: second.line, column: second.column),
                                  "YAML: key \(keys) given again in the same mapping (first at line \(first.line))")
            default:
                return Diagnostic(SourceLocation(file: file, line: 1, column: 1), "YAML: \(error)")
            }
        }
    }
}
