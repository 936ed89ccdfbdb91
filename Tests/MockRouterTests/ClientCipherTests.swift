import RouterOSAPI
import Testing

/// In verified and pinned modes the client offers TLS 1.2 only forward-secret AEAD suites: a
/// router that offers nothing else is refused in the handshake.
@Suite(.timeLimit(.minutes(5))) struct ClientCipherTests {
    static let certificates = TestCertificates.shared

    /// True for the handshake failing for want of a shared cipher, not for the certificate.
    static func isHandshakeFailure(_ error: any Error) -> Bool {
        isRouterError(error, .handshakeFailed) { $0.stage == .tlsHandshake && $0.presentedFingerprint == nil }
    }

    func connect(_ server: CipherRestrictedServer, _ tls: RouterOSClient.Configuration.TLS) async throws -> RouterOSClient {
        try await RouterOSClient.connect(.init(host: "localhost", port: server.port, tls: tls))
    }

    @Test(arguments: ["AES128-SHA", "AES256-GCM-SHA384", "ECDHE-RSA-AES128-SHA"])
    func anRSARouterWithoutForwardSecretAEADIsRefused(ciphers: String) async throws {
        let identity = try CipherRestrictedServer.makeRSAIdentity(in: Self.certificates.directory)
        let server = try await CipherRestrictedServer(ciphers: ciphers, identity: (identity.certificate, identity.key))
        await #expect { try await connect(server, .pinned(identity.fingerprint)) } throws: { Self.isHandshakeFailure($0) }
        await #expect { try await connect(server, .verify(caFile: identity.certificate)) } throws: { Self.isHandshakeFailure($0) }
        await server.stop()
    }

    @Test(arguments: ["ECDHE-ECDSA-AES128-SHA", "ECDHE-ECDSA-AES256-SHA384"])
    func anECDSARouterOfferingOnlyCBCIsRefused(ciphers: String) async throws {
        let identity = (Self.certificates.certificateFile, Self.certificates.keyFile)
        let server = try await CipherRestrictedServer(ciphers: ciphers, identity: identity)
        await #expect { try await connect(server, .pinned(Self.certificates.fingerprint)) } throws: { Self.isHandshakeFailure($0) }
        await #expect { try await connect(server, .verify(caFile: Self.certificates.caFile)) } throws: { Self.isHandshakeFailure($0) }
        await server.stop()
    }

    @Test(arguments: ["ECDHE-RSA-AES128-GCM-SHA256", "ECDHE-RSA-CHACHA20-POLY1305", "DHE-RSA-AES256-GCM-SHA384"])
    func anRSARouterWithForwardSecretAEADIsAccepted(ciphers: String) async throws {
        let identity = try CipherRestrictedServer.makeRSAIdentity(in: Self.certificates.directory)
        let server = try await CipherRestrictedServer(ciphers: ciphers, identity: (identity.certificate, identity.key))
        let client = try await connect(server, .pinned(identity.fingerprint))
        #expect(client.transport == "TLSv1.2 \(ciphers)")
        await client.close()
        await server.stop()
    }

    @Test(arguments: ["ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-ECDSA-CHACHA20-POLY1305"])
    func anECDSARouterWithForwardSecretAEADIsAccepted(ciphers: String) async throws {
        let identity = (Self.certificates.certificateFile, Self.certificates.keyFile)
        let server = try await CipherRestrictedServer(ciphers: ciphers, identity: identity)
        let client = try await connect(server, .verify(caFile: Self.certificates.caFile))
        #expect(client.transport == "TLSv1.2 \(ciphers)")
        await client.close()
        await server.stop()
    }
}
