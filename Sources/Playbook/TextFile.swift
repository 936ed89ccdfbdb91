import Foundation

/// Reading a text file the user named (a playbook, an env file, a password file), with a reason
/// a person can act on when it cannot be read.
public enum TextFile {
    /// Why a file could not be read.
    public enum Failure: Error, CustomStringConvertible, Equatable {
        case missing(String), directory(String), unreadable(String, reason: String), binary(String), notUTF8(String)

        /// The reason alone: `no such file`.
        public var reason: String {
            switch self {
            case .missing: return "no such file"
            case .directory: return "it is a directory"
            case .unreadable(_, let reason): return reason
            case .binary: return "it is a binary file (it holds NUL bytes), not text"
            case .notUTF8: return "it is not UTF-8 text (save it as UTF-8)"
            }
        }

        public var description: String {
            switch self {
            case .missing(let path), .directory(let path), .unreadable(let path, _), .binary(let path), .notUTF8(let path):
                return "cannot read \(path): \(reason)"
            }
        }
    }

    /// The file's text, or why it cannot be had.
    public static func read(_ path: String) throws(Failure) -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .missing(path) }
        if isDirectory.boolValue { throw .directory(path) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path, reason: FileManager.default.isReadableFile(atPath: path) ? "it cannot be read" : "permission denied")
        }
        if data.contains(0) { throw .binary(path) }
        guard let text = String(data: data, encoding: .utf8) else { throw .notUTF8(path) }
        return text
    }
}
