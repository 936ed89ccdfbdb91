import RouterOSAPI

/// Turns a failure to connect or log in into what is likely wrong and which option to pass
/// instead, naming the router, the user, and the certificate fingerprint the router presented
/// (from the failed handshake, or else from a second, pinned probe that is bound to fail) so it
/// can be pinned.
struct ConnectionHints {
    let options: ConnectionOptions
    let host: String
    let port: Int?

    /// `error` with the option to pass where one is known; the error itself otherwise.
    /// - Parameter passwordGiven: false when the login was tried with an empty password because
    ///   none was given (no file, no `ROSPLAY_PASSWORD`, no terminal to ask on).
    func explain(_ error: Error, passwordGiven: Bool = true) async -> Error {
        guard let error = error as? RouterOSError else { return error }
        switch error.code {
        case .loginFailed where !passwordGiven:
            return CLIError("\(error.summary); no password was given, so an empty one was tried: "
                + "pass --password-file FILE or set ROSPLAY_PASSWORD (on a terminal rosplay asks for it)")
        case .connectionRefused:
            let service = options.plain ? "api (8728)" : "api-ssl (8729)"
            return CLIError("\(error.summary); is \(service) enabled on that port and allowed from here? `/ip service print`")
        case .connectionLost where options.plain && error.stage == .login:
            return CLIError("\(error.target.map { "\($0)" } ?? host) closed the connection at login: "
                + "if this port is API-SSL (8729), drop --plain and choose how to trust its certificate")
        case .timedOut where options.plain && error.stage == .login:
            return CLIError("\(error.summary); if this port is API-SSL (8729), drop --plain")
        case .handshakeFailed, .closedDuringHandshake, .noCertificate, .certificateUntrusted, .certificateNameMismatch, .fingerprintMismatch:
            return CLIError(await explainTLS(error))
        default:
            return error
        }
    }

    private func explainTLS(_ error: RouterOSError) async -> String {
        let presented = await presentedFingerprint(error)
        let pinIt = presented.map { "pin it with --fingerprint \($0)" } ?? "pin it with --fingerprint SHA256:…"
        if options.noCertificate {
            guard let presented else { return "\(error)" }
            return "\(error.summary); \(error.target.map { "\($0)" } ?? host) has a certificate, so its api-ssl offers no anonymous TLS: "
                + "drop --no-certificate and pin the certificate it presented with --fingerprint \(presented), or pass --ca with the CA that signed it"
        }
        switch error.code {
        case .certificateUntrusted, .certificateNameMismatch:
            let trust = options.ca.map { "it was checked against \($0)" } ?? "no --ca or --fingerprint was given, so the system's CAs were used"
            return "\(error.summary); \(trust): if that is your router's certificate, pass --ca with the CA that signed it, or \(pinIt)"
        case .fingerprintMismatch:
            return "\(error.summary); if the router's certificate was replaced on purpose, \(pinIt)"
        case .noCertificate,
             .handshakeFailed where presented == nil:
            return "\(error.summary); \(error.target.map { "\($0)" } ?? host)'s api-ssl seems to have no certificate (anonymous Diffie-Hellman only): "
                + "give it one (/certificate … then /ip service set api-ssl certificate=…), or accept an unauthenticated connection with --no-certificate"
        default:
            return "\(error)"
        }
    }

    /// The fingerprint of the certificate the router presents, or nil when it presents none.
    private func presentedFingerprint(_ error: RouterOSError) async -> CertificateFingerprint? {
        if let presented = error.presentedFingerprint { return presented }
        guard let placeholder = CertificateFingerprint(bytes: Array(repeating: 0, count: 32)) else { return nil }
        let probe = RouterOSClient.Configuration(host: host, port: port, tls: .pinned(placeholder), connectTimeout: .seconds(5), handshakeTimeout: .seconds(5))
        do {
            let client = try await RouterOSClient.connect(probe)
            await client.close()
        } catch let error as RouterOSError where error.code == .fingerprintMismatch {
            return error.presentedFingerprint
        } catch {}
        return nil
    }
}
