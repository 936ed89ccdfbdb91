import COpenSSL
import Foundation
import NIOCore
import NIOPosix
@testable import RouterOSAPI

/// A TLS 1.2 server that completes handshakes offering only the given cipher suites, then says
/// nothing: what an old or badly configured router would offer.
final class CipherRestrictedServer: Sendable {
    private let channel: Channel
    let port: Int

    /// - Parameters:
    ///   - ciphers: an OpenSSL cipher string, such as `AES128-SHA`.
    ///   - identity: the certificate and key files the server presents.
    init(ciphers: String, identity: (certificate: String, key: String)) async throws {
        let context = try SSLContext(server: .certificate(certificateFile: identity.certificate, keyFile: identity.key))
        rosplay_SSL_CTX_set_max_proto_version(context.pointer, TLS1_2_VERSION)
        rosplay_SSL_CTX_set_dh_auto(context.pointer, 1)
        guard SSL_CTX_set_cipher_list(context.pointer, ciphers) == 1 else {
            throw RouterOSError(.invalidConfiguration, stage: nil, reason: "OpenSSL does not know \(ciphers)")
        }
        channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(OpenSSLHandler(context: context, on: channel.eventLoop))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        port = channel.localAddress!.port!
    }

    func stop() async {
        try? await channel.close()
    }

    /// A self-signed RSA-2048 certificate for localhost and its key, as PEM files in `directory`,
    /// with the certificate's fingerprint: the RSA key exchange suites need an RSA certificate.
    static func makeRSAIdentity(in directory: String) throws -> (certificate: String, key: String, fingerprint: CertificateFingerprint) {
        let keyContext = EVP_PKEY_CTX_new_id(EVP_PKEY_RSA, nil)
        defer { EVP_PKEY_CTX_free(keyContext) }
        var generated: OpaquePointer?
        guard EVP_PKEY_keygen_init(keyContext) == 1, EVP_PKEY_CTX_set_rsa_keygen_bits(keyContext, 2048) == 1,
              EVP_PKEY_keygen(keyContext, &generated) == 1, let generated else {
            throw RouterOSError(.tlsFailure, stage: nil, reason: "RSA key generation failed")
        }
        let key = PrivateKey(taking: generated)
        guard let x509 = X509_new() else { throw RouterOSError(.tlsFailure, stage: nil, reason: "X509_new failed") }
        let certificate = X509Certificate(taking: x509)
        X509_set_version(x509, 2)
        ASN1_INTEGER_set(X509_get_serialNumber(x509), 1)
        X509_gmtime_adj(X509_getm_notBefore(x509), -3600)
        X509_gmtime_adj(X509_getm_notAfter(x509), 86_400)
        X509_set_pubkey(x509, key.pointer)
        let name = X509_get_subject_name(x509)
        X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, "localhost", -1, -1, 0)
        X509_set_issuer_name(x509, name)
        guard X509_sign(x509, key.pointer, EVP_sha256()) > 0 else { throw RouterOSError(.tlsFailure, stage: nil, reason: "signing failed") }
        let stem = directory + "/rsa-\(UUID().uuidString)"
        try certificate.pem().write(toFile: stem + "-cert.pem", atomically: true, encoding: .utf8)
        try key.pem().write(toFile: stem + "-key.pem", atomically: true, encoding: .utf8)
        return (stem + "-cert.pem", stem + "-key.pem", certificate.fingerprint)
    }
}
