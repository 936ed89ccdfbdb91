internal import COpenSSL

/// An owned, fully configured OpenSSL context (`SSL_CTX`). Immutable after init, so one
/// context may serve every connection of a server.
package final class SSLContext: @unchecked Sendable {
    let pointer: OpaquePointer
    /// What this context was made for.
    let role: Role

    /// A client checking a router, or a server presenting itself.
    enum Role {
        case client(ClientTrust)
        case server(TLSServerConfiguration)
    }

    /// Cipher string for anonymous DH. OpenSSL refuses unauthenticated suites above security level 0.
    static let anonymousCiphers = "ADH:@SECLEVEL=0"
    /// TLS 1.2 suites a client that authenticates the router offers: forward-secret key exchange
    /// (ECDHE, DHE) with an AEAD cipher (AES-GCM, ChaCha20-Poly1305), never anonymous or PSK. TLS 1.3
    /// suites, all of that kind, are OpenSSL's defaults and not affected.
    static let authenticatedTLS12Ciphers = "ECDHE+AESGCM:ECDHE+CHACHA20:DHE+AESGCM:DHE+CHACHA20:!aNULL:!PSK:!SRP"

    /// A client's context.
    package convenience init(_ trust: ClientTrust) throws(RouterOSError) {
        try self.init(role: .client(trust))
    }

    /// A server's context, shared by all its connections.
    package convenience init(server configuration: TLSServerConfiguration) throws(RouterOSError) {
        try self.init(role: .server(configuration))
    }

    private init(role: Role) throws(RouterOSError) {
        OpenSSLErrorQueue.clear()
        let method: OpaquePointer?
        switch role {
        case .client: method = TLS_client_method()
        case .server: method = TLS_server_method()
        }
        guard let context = SSL_CTX_new(method) else {
            throw .openSSL(.tlsFailure, "cannot set up TLS")
        }
        self.pointer = context
        self.role = role
        rosplay_SSL_CTX_set_min_proto_version(context, TLS1_2_VERSION)
        rosplay_SSL_CTX_enable_partial_writes(context)

        switch role {
        case .client(.verify(let caFile?)):
            guard SSL_CTX_load_verify_locations(context, caFile, nil) == 1 else {
                throw .openSSL(.invalidConfiguration, "cannot load the CA file \(caFile)")
            }
            try Self.restrictToForwardSecretAEAD(context)
            SSL_CTX_set_verify(context, SSL_VERIFY_PEER, nil)
        case .client(.verify(nil)):
            guard SSL_CTX_set_default_verify_paths(context) == 1 else {
                throw .openSSL(.invalidConfiguration, "cannot load the system's trusted CAs")
            }
            try Self.restrictToForwardSecretAEAD(context)
            SSL_CTX_set_verify(context, SSL_VERIFY_PEER, nil)
        case .client(.pinned):
            // The chain is not checked; the handler compares the leaf's fingerprint after the handshake.
            try Self.restrictToForwardSecretAEAD(context)
            SSL_CTX_set_verify(context, SSL_VERIFY_NONE, nil)
        case .client(.anonymous):
            try Self.restrictToAnonymous(context)
            SSL_CTX_set_verify(context, SSL_VERIFY_NONE, nil)
        case .server(.certificate(let certificateFile, let keyFile)):
            guard SSL_CTX_use_certificate_chain_file(context, certificateFile) == 1 else {
                throw .openSSL(.invalidConfiguration, "cannot load the certificate \(certificateFile)")
            }
            guard SSL_CTX_use_PrivateKey_file(context, keyFile, SSL_FILETYPE_PEM) == 1 else {
                throw .openSSL(.invalidConfiguration, "cannot load the key \(keyFile)")
            }
            guard SSL_CTX_check_private_key(context) == 1 else {
                throw RouterOSError(.invalidConfiguration, stage: .tlsHandshake, reason: "the key \(keyFile) does not match the certificate \(certificateFile)")
            }
        case .server(.anonymous):
            try Self.restrictToAnonymous(context)
            rosplay_SSL_CTX_set_dh_auto(context, 1)
        }
    }

    private static func restrictToForwardSecretAEAD(_ context: OpaquePointer) throws(RouterOSError) {
        guard SSL_CTX_set_cipher_list(context, authenticatedTLS12Ciphers) == 1 else {
            throw .openSSL(.invalidConfiguration, "this system's TLS library offers no forward-secret AEAD cipher for TLS 1.2")
        }
    }

    private static func restrictToAnonymous(_ context: OpaquePointer) throws(RouterOSError) {
        rosplay_SSL_CTX_set_max_proto_version(context, TLS1_2_VERSION)
        guard SSL_CTX_set_cipher_list(context, anonymousCiphers) == 1 else {
            throw .openSSL(.invalidConfiguration, "this system's TLS library offers no anonymous Diffie-Hellman cipher")
        }
    }

    deinit {
        SSL_CTX_free(pointer)
    }
}
