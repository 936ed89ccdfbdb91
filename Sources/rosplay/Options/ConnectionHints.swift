import RouterOSAPI

/// Turns a failure to connect or log in into what is likely wrong and what to pass instead,
/// naming the router, the user, and the certificate fingerprint the router presented (found
/// with a second, pinned probe that is bound to fail) so it can be pinned.
struct ConnectionHints {
    let options: ConnectionOptions
    let host: String
    let port: Int?

    /// The router as `host:port`.
    var target: String { (try? options.endpointText()) ?? host }

    /// `error` with a hint where one is known; the error itself otherwise.
    func explain(_ error: Error) async -> Error {
        switch error {
        case let tls as TLSError:
            return CLIError(await explainTLS(tls))
        case RouterOSError.loginFailed(let message):
            return CLIError("\(target) refused the login of user '\(options.userName)': \(message)")
        case RouterOSError.connectionLost(let command, _) where options.plain && command.hasPrefix("/login"):
            return CLIError("\(target) closed the connection at login: if this port is API-SSL (8729), drop --plain and choose how to trust its certificate")
        case RouterOSError.timedOut(.login, _, _) where options.plain:
            return CLIError("\(error); if this port is API-SSL (8729), drop --plain")
        default:
            return error
        }
    }

    private func explainTLS(_ error: TLSError) async -> String {
        let presented = await presentedFingerprint()
        switch (options.security, error) {
        case (.tls(.anonymousClient), _) where presented != nil:
            return "\(target) has a certificate, so its api-ssl offers no anonymous TLS (\(error)). "
                + "Pin the certificate it presented instead of --no-certificate: --fingerprint \(presented!)"
        case (.tls(.verify(let caFile)), .untrustedCertificate), (.tls(.verify(let caFile)), .nameMismatch):
            let trust = caFile == nil ? "no --ca or --fingerprint was given, so the system's CAs were used" : "checked against \(caFile!)"
            return "\(error) (\(trust)). " + (presented.map {
                "The router presented \($0): if that is your router's certificate, pass --fingerprint \($0), or --ca with the CA that signed it"
            } ?? "Pass --ca with the CA that signed the router's certificate, or --fingerprint SHA256:…")
        case (.tls(.verify), .noPeerCertificate), (.tls(.pinned), .noPeerCertificate), (.tls(.verify), .handshakeFailed) where presented == nil,
             (.tls(.pinned), .handshakeFailed) where presented == nil:
            return "\(error). \(target)'s api-ssl seems to have no certificate (anonymous Diffie-Hellman only): give it one "
                + "(/certificate … then /ip service set api-ssl certificate=…), or accept an unauthenticated connection with --no-certificate"
        default:
            return "\(error)"
        }
    }

    /// The fingerprint of the certificate the router presents, or nil when it presents none.
    private func presentedFingerprint() async -> CertificateFingerprint? {
        guard let placeholder = CertificateFingerprint(bytes: Array(repeating: 0, count: 32)) else { return nil }
        var probe = ConnectionConfiguration(host: host, port: port, security: .tls(.pinned(placeholder)))
        probe.connectTimeout = .seconds(5)
        probe.handshakeTimeout = .seconds(5)
        do {
            let client = try await RouterOSClient.connect(probe)
            await client.close()
        } catch TLSError.fingerprintMismatch(_, let actual) {
            return CertificateFingerprint(parsing: actual)
        } catch {}
        return nil
    }
}
