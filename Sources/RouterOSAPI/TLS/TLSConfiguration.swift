/// How a client checks the router, or how a server presents itself.
public enum TLSConfiguration: Hashable, Sendable {
    /// Client: verify the router's certificate against the CA in `caFile` (the system's trust
    /// store when nil) and check that it names the host or IP address we connect to.
    case verify(caFile: String?)
    /// Client: accept exactly the certificate with this SHA-256 fingerprint; no CA is needed.
    case pinned(CertificateFingerprint)
    /// Client: anonymous Diffie-Hellman, TLS 1.2, no certificate. What RouterOS offers when
    /// `/ip/service api-ssl` has `certificate=none`. Encrypts, but authenticates nobody.
    case anonymousClient
    /// Server: present `certificateFile` (PEM, leaf first, optionally followed by its chain) with `keyFile`.
    case server(certificateFile: String, keyFile: String)
    /// Server: anonymous Diffie-Hellman only, TLS 1.2 at most, as a RouterOS api-ssl without a certificate.
    case anonymousServer

    var isServer: Bool {
        switch self {
        case .server, .anonymousServer: return true
        case .verify, .pinned, .anonymousClient: return false
        }
    }
}
