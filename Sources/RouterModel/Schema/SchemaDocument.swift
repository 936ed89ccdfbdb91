/// The embedded command trees (see `scripts/embed-schema.py`): tables shared by every version,
/// the oldest version's menus as references into them, and each later version's changes.
///
/// Decoding is cheap and partial: the tables are split into lines once, and a version's menus
/// are built when that version is first asked for, decoding only the bodies and signatures it uses.
struct SchemaDocument: Sendable {
    typealias Commands = [String: [String: String]]

    let versions: [String]
    private let descriptions: [Substring]
    private let names: [Substring]
    private let signatures: [Substring]
    private let bodies: [Substring]
    /// Version → path → body index of each of its menus.
    private let menuBodies: [String: [Substring: Int]]

    /// The embedded document; a defect in it is a build defect, found by the schema tests.
    static let embedded = try! SchemaDocument(EmbeddedSchemas.document)

    struct Malformed: Error, CustomStringConvertible {
        let description: String
    }

    init(_ text: String) throws {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var cursor = lines.startIndex
        func header(_ title: String) throws -> [Substring] {
            guard cursor < lines.endIndex else { throw Malformed(description: "no \(title) line") }
            let words = lines[cursor].split(separator: " ")
            guard words.first == Substring(title) else { throw Malformed(description: "expected \(title), found \(lines[cursor])") }
            cursor += 1
            return Array(words.dropFirst())
        }
        func section(_ title: String) throws -> ArraySlice<Substring> {
            guard let count = try header(title).last.flatMap({ Int($0) }), cursor + count <= lines.endIndex else {
                throw Malformed(description: "bad \(title) section")
            }
            defer { cursor += count }
            return lines[cursor..<cursor + count]
        }
        guard try header("rosplay-schema") == ["1"] else { throw Malformed(description: "unknown format") }
        versions = try header("versions").map(String.init)
        descriptions = Array(try section("descs"))
        names = Array(try section("names"))
        signatures = Array(try section("signatures"))
        bodies = Array(try section("bodies"))
        // The oldest version lists every menu; each later one what changed since the one before.
        var menuBodies: [String: [Substring: Int]] = [:]
        var current: [Substring: Int] = [:]
        for (index, version) in versions.enumerated() {
            let title = index == 0 ? "menus" : "changes"
            let words = lines[min(cursor, lines.endIndex - 1)].split(separator: " ")
            guard words.count == 3, words[1] == Substring(version) else { throw Malformed(description: "no \(title) for \(version)") }
            for line in try section(title) {
                if line.first == "-" {
                    current[line.dropFirst()] = nil
                    continue
                }
                let parts = line.split(separator: " ")
                guard parts.count == 2, let body = Int(parts[1], radix: 36), bodies.indices.contains(body) else {
                    throw Malformed(description: "bad menu line \(line)")
                }
                current[parts[0]] = body
            }
            menuBodies[version] = current
        }
        self.menuBodies = menuBodies
    }

    /// Menu path → command → argument → RouterOS's description of it, for `version`.
    func menus(of version: String) throws -> [String: Commands] {
        guard let paths = menuBodies[version] else { throw Malformed(description: "no version \(version)") }
        var decodedBodies: [Int: Commands] = [:]
        var decodedSignatures: [Int: [String: String]] = [:]
        var menus: [String: Commands] = [:]
        menus.reserveCapacity(paths.count)
        for (path, body) in paths {
            if let commands = decodedBodies[body] {
                menus[String(path)] = commands
                continue
            }
            var commands: Commands = [:]
            for token in bodies[body].split(separator: " ") {
                let (name, signature) = try reference(token, in: names)
                guard let signature, signatures.indices.contains(signature) else { throw Malformed(description: "bad command \(token)") }
                if let arguments = decodedSignatures[signature] {
                    commands[name] = arguments
                    continue
                }
                var arguments: [String: String] = [:]
                for argument in signatures[signature].split(separator: " ") {
                    let (name, description) = try reference(argument, in: names)
                    guard descriptions.indices.contains(description ?? 0) else { throw Malformed(description: "bad argument \(argument)") }
                    arguments[name] = String(descriptions[description ?? 0])
                }
                decodedSignatures[signature] = arguments
                commands[name] = arguments
            }
            decodedBodies[body] = commands
            menus[String(path)] = commands
        }
        return menus
    }

    /// `NAME` or `NAME:NUMBER`, both base 36: the name from `table`, and the number if any.
    private func reference(_ token: Substring, in table: [Substring]) throws -> (String, Int?) {
        let parts = token.split(separator: ":", maxSplits: 1)
        guard let index = Int(parts[0], radix: 36), table.indices.contains(index) else { throw Malformed(description: "bad reference \(token)") }
        guard parts.count == 2 else { return (String(table[index]), nil) }
        guard let number = Int(parts[1], radix: 36) else { throw Malformed(description: "bad reference \(token)") }
        return (String(table[index]), number)
    }
}
