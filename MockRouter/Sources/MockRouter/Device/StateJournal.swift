import Foundation
import RouterOSAPI

/// The `--state` file: a snapshot of the configuration, then one line per change, so a write
/// costs the size of the change, not the size of the router.
///
/// The file is JSON lines. The first line is a ``DeviceState``; each later line is the
/// ``Record``s of one committed change, appended. When the appended lines outgrow the snapshot
/// (twice its size, at least 64 KiB), the file is rewritten as one new snapshot, so the cost of
/// rewriting is spread over as many writes as it covers. A file written by an older mock (one
/// snapshot, no journal) loads as is. The file is created 0600 and set back to 0600 on every
/// write: it holds private keys.
struct StateJournal: Sendable {
    /// The final value of something one change touched.
    enum Record: Codable, Hashable, Sendable {
        /// Entry `entry.number` of `menu` as it now is, before entry `before` (nil: last).
        case entry(menu: String, entry: Entry, before: Int?)
        case removed(menu: String, number: Int)
        case settings(menu: String, properties: Entry.Properties?)
        case counter(space: String, last: Int?)
    }

    let path: String
    private var snapshotBytes = 0
    private var journalBytes = 0

    init(path: String) {
        self.path = path
    }

    /// The configuration in the file, its journal replayed; nil when there is no file. A last
    /// line cut short (the mock was killed while appending) is ignored.
    static func load(from path: String) throws -> DeviceState? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true)
        guard let first = lines.first else { return nil }
        var state = try JSONDecoder().decode(DeviceState.self, from: first)
        for (offset, line) in lines.dropFirst().enumerated() {
            do {
                for record in try JSONDecoder().decode([Record].self, from: line) { state.replay(record) }
            } catch where offset == lines.count - 2 {
                FileHandle.standardError.write(Data("mock-routeros: \(path): ignoring an incomplete last change\n".utf8))
            }
        }
        return state
    }

    /// Replaces the file with a snapshot of `state`.
    mutating func writeSnapshot(of state: DeviceState) throws {
        var data = try JSONEncoder().encode(state)
        data.append(UInt8(ascii: "\n"))
        try PrivateFile.write(data, to: path)
        snapshotBytes = data.count
        journalBytes = 0
    }

    /// Appends one change, or rewrites the snapshot when the journal has grown large; `state` is
    /// the configuration after the change.
    mutating func append(_ records: [Record], state: DeviceState) throws {
        guard !records.isEmpty else { return }
        guard journalBytes <= max(2 * snapshotBytes, 64 * 1024), FileManager.default.fileExists(atPath: path) else {
            return try writeSnapshot(of: state)
        }
        var line = try JSONEncoder().encode(records)
        line.append(UInt8(ascii: "\n"))
        try appendPrivately(line)
        journalBytes += line.count
    }

    private func appendPrivately(_ line: Data) throws {
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure() }
        defer { close(descriptor) }
        // Whatever someone did to the file's mode, it holds private keys.
        guard fchmod(descriptor, 0o600) == 0 else { throw failure() }
        try line.withUnsafeBytes { bytes in
            var written = 0
            while written < bytes.count {
                let count = write(descriptor, bytes.baseAddress! + written, bytes.count - written)
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { throw failure() }
                written += count
            }
        }
    }

    private func failure() -> AppendError {
        AppendError(path: path, reason: String(cString: strerror(errno)))
    }

    /// A change could not be appended.
    struct AppendError: Error, CustomStringConvertible {
        let path: String
        let reason: String
        var description: String { "cannot append to \(path): \(reason)" }
    }
}
