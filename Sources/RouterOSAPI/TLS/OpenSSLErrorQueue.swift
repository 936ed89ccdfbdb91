internal import COpenSSL

/// Turns OpenSSL's thread-local error queue into an ``OpenSSLFailure``.
enum OpenSSLErrorQueue {
    /// Empties the queue and returns what it held.
    static func drain() -> OpenSSLFailure {
        var entries: [String] = []
        var reasons: [String] = []
        while true {
            let code = ERR_get_error()
            if code == 0 { break }
            var buffer = [CChar](repeating: 0, count: 256)
            ERR_error_string_n(code, &buffer, buffer.count)
            entries.append(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
            if let reason = ERR_reason_error_string(code) { reasons.append(String(cString: reason)) }
        }
        return OpenSSLFailure(entries: entries, reasons: reasons)
    }

    /// Discards whatever is queued.
    static func clear() {
        ERR_clear_error()
    }
}

/// What OpenSSL's error queue held when a call failed. Kept as a ``RouterOSError/underlying``
/// error for programs; people see only the ``reasons``, never the queue's codes and library names.
struct OpenSSLFailure: Error, CustomStringConvertible {
    /// Each entry as OpenSSL prints it (`error:0A00010B:SSL routines::wrong version number`).
    let entries: [String]
    /// Each entry's reason alone (`wrong version number`).
    let reasons: [String]

    var description: String { entries.joined(separator: "; ") }

    /// The reasons, or `fallback` when OpenSSL gave none.
    func words(or fallback: String) -> String {
        reasons.isEmpty ? fallback : reasons.joined(separator: "; ")
    }
}

extension RouterOSError {
    /// A TLS failure at `stage`, OpenSSL's queue drained into ``underlying`` and its reasons
    /// (or `fallback`) into ``reason``.
    static func openSSL(_ code: Code, stage: Stage? = .tlsHandshake, _ context: String, fallback: String = "no reason given") -> RouterOSError {
        let failure = OpenSSLErrorQueue.drain()
        return RouterOSError(code, stage: stage, reason: "\(context): \(failure.words(or: fallback))", underlying: failure)
    }
}
