/// How a client checks the router. Only client modes exist here: a server's set-up is a
/// ``TLSServerConfiguration``, so a client cannot be handed one and run its handshake as a server.
public enum TLSConfiguration: Hashable, Sendable {
    /// Verify the router's certificate against the CA in `caFile` (the system's trust store when
    /// nil) and check that it names the host or IP address we connect to.
    case verify(caFile: String?)
    /// Accept exactly the certificate with this SHA-256 fingerprint; no CA is needed.
    case pinned(CertificateFingerprint)
    /// Anonymous Diffie-Hellman, TLS 1.2, no certificate. What RouterOS offers when
    /// `/ip/service api-ssl` has `certificate=none`. Encrypts, but authenticates nobody.
    case anonymousClient
}

/// How a server (MockRouter, test servers) presents itself.
public enum TLSServerConfiguration: Hashable, Sendable {
    /// Present `certificateFile` (PEM, leaf first, optionally followed by its chain) with `keyFile`.
    case certificate(certificateFile: String, keyFile: String)
    /// Anonymous Diffie-Hellman only, TLS 1.2 at most, as a RouterOS api-ssl without a certificate.
    case anonymous
}
