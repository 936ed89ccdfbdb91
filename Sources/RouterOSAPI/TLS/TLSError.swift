/// Why a TLS connection could not be established or went wrong, in words an operator can act on.
public enum TLSError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The router's certificate is past its `notAfter`.
    case certificateExpired(String)
    /// The router's certificate is not valid yet (check the clocks).
    case certificateNotYetValid(String)
    /// The certificate does not name the host or IP address we connected to.
    case nameMismatch(expected: String)
    /// The certificate does not chain to the configured CA.
    case untrustedCertificate(String)
    /// The certificate's SHA-256 fingerprint is not the pinned one.
    case fingerprintMismatch(expected: String, actual: String)
    /// The peer sent no certificate where one was required.
    case noPeerCertificate
    /// The handshake failed for another reason (no shared cipher, protocol version, alert).
    case handshakeFailed(String)
    /// The peer closed the connection before the handshake finished.
    case closedDuringHandshake
    /// The local TLS setup is wrong (a file that cannot be read, a key that does not match).
    case configuration(String)
    /// OpenSSL failed outside the handshake.
    case openSSL(String)

    public var description: String {
        switch self {
        case .certificateExpired(let detail): return "TLS: the router's certificate has expired (\(detail))"
        case .certificateNotYetValid(let detail): return "TLS: the router's certificate is not yet valid (\(detail)); check both clocks"
        case .nameMismatch(let expected): return "TLS: the router's certificate does not match the name or address '\(expected)'"
        case .untrustedCertificate(let detail): return "TLS: the router's certificate is not trusted by the given CA (\(detail))"
        case .fingerprintMismatch(let expected, let actual):
            return "TLS: certificate fingerprint mismatch: pinned \(expected), router presented \(actual)"
        case .noPeerCertificate: return "TLS: the router presented no certificate (is api-ssl running without one? use --no-certificate only if you accept that)"
        case .handshakeFailed(let detail): return "TLS: handshake failed: \(detail)"
        case .closedDuringHandshake: return "TLS: the connection closed during the handshake (wrong port, or the peer refused our TLS mode)"
        case .configuration(let detail): return "TLS: configuration error: \(detail)"
        case .openSSL(let detail): return "TLS: \(detail)"
        }
    }
}
