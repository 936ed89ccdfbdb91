internal import COpenSSL

/// Turns OpenSSL's thread-local error queue into text.
enum OpenSSLErrorQueue {
    /// Empties the queue and returns its entries joined with "; ", or `fallback` when it was empty.
    static func drain(or fallback: String = "unknown OpenSSL error") -> String {
        var messages: [String] = []
        while true {
            let code = ERR_get_error()
            if code == 0 { break }
            var buffer = [CChar](repeating: 0, count: 256)
            ERR_error_string_n(code, &buffer, buffer.count)
            messages.append(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        return messages.isEmpty ? fallback : messages.joined(separator: "; ")
    }

    /// Discards whatever is queued.
    static func clear() {
        ERR_clear_error()
    }
}
