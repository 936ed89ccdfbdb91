/// How a server (MockRouter, test servers) presents itself. Package-only: the client library
/// has no server side to configure.
package enum TLSServerConfiguration: Hashable, Sendable {
    /// Present `certificateFile` (PEM, leaf first, optionally followed by its chain) with `keyFile`.
    case certificate(certificateFile: String, keyFile: String)
    /// Anonymous Diffie-Hellman only, TLS 1.2 at most, as a RouterOS api-ssl without a certificate.
    case anonymous
}
