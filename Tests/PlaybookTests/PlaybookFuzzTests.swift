import Foundation
import FuzzSupport
import RouterModel
import Testing
@testable import Playbook

/// The playbook loader and validator under mutated YAML from the repository's playbooks and
/// fixtures: nothing crashes, every failure is a ``PlaybookError`` whose diagnostics each name
/// `file:line:column` inside the file, and no diagnostic shows a secret's value.
struct PlaybookFuzzTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Every playbook, part and fixture in the repository, sorted so a seed always means the same cases.
    static func corpus() throws -> [(path: String, text: String)] {
        let directories = ["Playbooks", "Playbooks/parts", "Tests/EndToEndTests/Fixtures"]
        var files: [(String, String)] = []
        for directory in directories {
            let path = root.appendingPathComponent(directory).path
            for name in try FileManager.default.contentsOfDirectory(atPath: path).sorted() where name.hasSuffix(".yaml") {
                files.append((path + "/" + name, try String(contentsOfFile: path + "/" + name, encoding: .utf8)))
            }
        }
        return files
    }

    static let hostileLines = [
        "&a [*a, *a, *a]", "<<: *missing", "? [complex, key]", "!!binary aGVsbG8=", "- ", "{", "[", "menus: 5", "vars: [1, 2]",
        "secrets: { K: { env: } }", "include: []", "routeros: 99999999999999999999", "  timeout: 9999999999999:00:00",
        "  mtu: 99999999999999999999", "  address: 192.0.2.1/99999999999999999999", "  _absent: maybe", "\t- tab",
        "  name: ${", "  name: ${UNDEFINED}", "  name: ${WG_KEY}${WG_KEY}", "%YAML 9.9", "---", "...", "'unclosed", "\"\\x\"",
    ]

    /// Values that have overflowed number, interval and prefix parsing.
    static let hostileNumbers = ["99999999999999999999", "9999999999999:00:00", "-1", "1e400", "4294967296", "192.0.2.1/99999999999999999999", "*FFFFFFFFFFFFFFFFFFFF"]

    /// `text` changed line by line (duplicated, dropped, swapped, re-indented, hostile values) or byte by byte.
    static func mutate(_ text: String, using generator: inout SeededGenerator) -> String {
        guard Bool.random(using: &generator) else {
            return String(decoding: Mutator().mutate(Array(text.utf8), using: &generator), as: UTF8.self)
        }
        var lines = text.components(separatedBy: "\n")
        for _ in 0..<Int.random(in: 1...3, using: &generator) {
            let index = Int.random(in: 0..<lines.count, using: &generator)
            switch Int.random(in: 0..<8, using: &generator) {
            case 0: lines.insert(lines[index], at: index)
            case 1: lines.remove(at: index)
            case 2: lines.swapAt(index, Int.random(in: 0..<lines.count, using: &generator))
            case 3: lines[index] = Bool.random(using: &generator) ? "  " + lines[index] : String(lines[index].dropFirst(2))
            case 4, 5:
                if let colon = lines[index].range(of: ": ") {
                    let hostile = Bool.random(using: &generator)
                        ? hostileNumbers.randomElement(using: &generator)!
                        : String(decoding: Mutator.hostileTokens.randomElement(using: &generator)!, as: UTF8.self)
                    lines[index] = lines[index][..<colon.upperBound] + hostile
                }
            case 6: insertPropertyOfItsMenu(into: &lines, at: index, using: &generator)
            default: lines.insert(hostileLines.randomElement(using: &generator)!, at: index)
            }
            if lines.isEmpty { lines = [""] }
        }
        return lines.joined(separator: "\n")
    }

    /// Beside the entry property at `index` (if it is one), a property its menu has, with a hostile
    /// number: reaches the value parsers, which random lines seldom do.
    static func insertPropertyOfItsMenu(into lines: inout [String], at index: Int, using generator: inout SeededGenerator) {
        let line = lines[index]
        let indentation = line.prefix { $0 == " " }.count + (line.drop { $0 == " " }.hasPrefix("- ") ? 2 : 0)
        guard indentation >= 4, line.contains(": "),
              let header = lines[..<index].last(where: { $0.hasPrefix("  /") && $0.hasSuffix(":") }),
              let spec = MenuCatalog.spec(for: String(header.dropFirst(2).dropLast())),
              let name = spec.properties.keys.sorted().randomElement(using: &generator) else { return }
        lines.insert(String(repeating: " ", count: indentation) + "\(name): \(hostileNumbers.randomElement(using: &generator)!)", at: index + 1)
    }

    @Test func mutatedPlaybooksGiveDiagnosticsNeverCrashes() throws {
        let run = FuzzRun("playbook loader", defaultSeed: 0x5EED_0003, cases: 1500)
        var generator = run.generator
        let corpus = try Self.corpus()
        var environment = try EnvironmentFile.read(Self.root.appendingPathComponent("Playbooks/example.env").path)
        environment["WG_PRIVATE_KEY"] = environment["WG_PRIVATE_KEY"] ?? "ZhIhmBz01uhU6PrcgobO24f/MB5+LsgFI01fVd/yL08="
        let secrets = ["WG_PRIVATE_KEY", "VPS_WG_PRIVATE_KEY", "EDGE_IBGP_MD5", "OVPN_PASSWORD"].compactMap { environment[$0] }
        #expect(secrets.count == 4)
        let versions = RouterSchema.embeddedVersions
        var failures = 0
        for index in 0..<run.cases {
            let source = corpus.randomElement(using: &generator)!
            let text = Self.mutate(source.text, using: &generator)
            let version = versions.randomElement(using: &generator)!
            let validator = PlaybookValidator(schema: RouterSchema.closest(to: version), version: version, environment: environment)
            let context = "case \(index) of seed \(run.seed) (\(source.path), RouterOS \(version))"
            do {
                _ = try validator.validate(PlaybookLoader.load(text: text, file: source.path))
            } catch let error as PlaybookError {
                failures += 1
                #expect(!error.diagnostics.isEmpty, "\(context): an error with no diagnostic")
                let lineCount = text.components(separatedBy: "\n").count
                for diagnostic in error.diagnostics {
                    let location = diagnostic.location
                    #expect(!location.file.isEmpty && location.line >= 1 && location.column >= 1, "\(context): \(diagnostic)")
                    if location.file == source.path {
                        #expect(location.line <= lineCount + 1, "\(context): line past the end: \(diagnostic)")
                    }
                    #expect(diagnostic.description.hasPrefix("\(location.file):\(location.line):\(location.column): error: "))
                    // One line each: a diagnostic that quotes the file (as Yams' own errors do) shows secrets.
                    #expect(!diagnostic.description.contains("\n"), "\(context): \(diagnostic)")
                    for secret in secrets where !text.contains(secret) {
                        #expect(!diagnostic.description.contains(secret), "\(context): a secret in \(diagnostic)")
                    }
                }
            } catch {
                Issue.record("\(context): not a playbook diagnostic: \(error)")
            }
        }
        print("fuzz playbook loader: \(failures) of \(run.cases) mutated playbooks refused with diagnostics")
    }
}
