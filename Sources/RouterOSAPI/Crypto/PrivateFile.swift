import Foundation
#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
#endif

/// Writes files that may hold secrets (private keys, passwords): mode 0600, replaced atomically.
///
/// The content goes to a new temporary file created 0600 beside the target, which is then
/// renamed over it, so there is no moment when the content is readable by other users, and a
/// reader never sees half a file.
public enum PrivateFile {
    /// A file could not be written.
    public struct WriteError: Error, CustomStringConvertible {
        public let path: String
        public let reason: String

        public var description: String { "cannot write \(path): \(reason)" }
    }

    /// Writes `data` to `path`, readable and writable by its owner only.
    public static func write(_ data: Data, to path: String) throws(WriteError) {
        let temporary = path + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw failure(path) }
        var written = 0
        let complete = data.withUnsafeBytes { bytes -> Bool in
            while written < bytes.count {
                let count = systemWrite(descriptor, bytes.baseAddress! + written, bytes.count - written)
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { return false }
                written += count
            }
            return true
        }
        let error = complete ? nil : failure(path)
        // The umask can only narrow 0600; make it exactly 0600 whatever was there before.
        let modeSet = fchmod(descriptor, 0o600) == 0
        let closed = close(descriptor) == 0 && modeSet
        guard complete, closed, rename(temporary, path) == 0 else {
            let reason = error ?? failure(path)
            unlink(temporary)
            throw reason
        }
    }

    /// Writes `text` as UTF-8 to `path`, readable and writable by its owner only.
    public static func write(_ text: String, to path: String) throws(WriteError) {
        try write(Data(text.utf8), to: path)
    }

    private static func failure(_ path: String) -> WriteError {
        WriteError(path: path, reason: String(cString: strerror(errno)))
    }
}
