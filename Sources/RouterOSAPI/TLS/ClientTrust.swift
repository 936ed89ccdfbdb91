/// How a TLS client trusts the router: the modes of ``RouterOSClient/Configuration/TLS`` that encrypt.
package enum ClientTrust: Hashable, Sendable {
    /// Verify the router's certificate against the CA in `caFile` (the system's trust store
    /// when nil) and check that it names the host or IP address connected to.
    case verify(caFile: String?)
    /// Accept exactly the certificate with this SHA-256 fingerprint; no CA is needed.
    case pinned(CertificateFingerprint)
    /// Anonymous Diffie-Hellman, TLS 1.2, no certificate.
    case anonymous
}
