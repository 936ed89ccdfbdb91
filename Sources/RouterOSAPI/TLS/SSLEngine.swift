internal import COpenSSL
import NIOCore

/// One TLS session driven through memory BIOs: ciphertext in with ``feed(_:)``, ciphertext
/// out with ``drainOutput(allocator:)``, plaintext through ``handshake()``, ``read(allocator:)``
/// and ``write(_:)``. It performs no I/O of its own; ``OpenSSLHandler`` moves the bytes.
final class SSLEngine {
    private let ssl: OpaquePointer
    private let readBIO: OpaquePointer
    private let writeBIO: OpaquePointer
    let context: SSLContext
    /// The host or IP address the client connected to, used for name checks and error messages.
    let peerName: String?

    /// What a read produced.
    enum ReadResult {
        case data(ByteBuffer)
        case wantMore
        case closed
    }

    init(context: SSLContext, peerName: String?) throws(RouterOSError) {
        guard let ssl = SSL_new(context.pointer) else {
            throw .openSSL(.tlsFailure, "cannot start a TLS session")
        }
        guard let readBIO = BIO_new(BIO_s_mem()), let writeBIO = BIO_new(BIO_s_mem()) else {
            SSL_free(ssl)
            throw .openSSL(.tlsFailure, "cannot start a TLS session")
        }
        SSL_set_bio(ssl, readBIO, writeBIO)
        self.ssl = ssl
        self.readBIO = readBIO
        self.writeBIO = writeBIO
        self.context = context
        self.peerName = peerName
        switch context.role {
        case .server:
            SSL_set_accept_state(ssl)
        case .client:
            SSL_set_connect_state(ssl)
            try configureClientNames()
        }
    }

    deinit {
        SSL_free(ssl)  // frees both BIOs too
    }

    private func configureClientNames() throws(RouterOSError) {
        guard let peerName, !peerName.isEmpty else { return }
        let isIPAddress = IPAddressText.isIPAddress(peerName)
        if !isIPAddress {
            rosplay_SSL_set_tlsext_host_name(ssl, peerName)
        }
        guard case .client(.verify) = context.role else { return }
        let parameters = SSL_get0_param(ssl)
        let status = isIPAddress
            ? X509_VERIFY_PARAM_set1_ip_asc(parameters, peerName)
            : X509_VERIFY_PARAM_set1_host(parameters, peerName, 0)
        guard status == 1 else {
            throw .openSSL(.invalidConfiguration, "cannot check the certificate against '\(peerName)'")
        }
    }

    /// Hands ciphertext received from the network to OpenSSL.
    func feed(_ buffer: ByteBuffer) {
        buffer.withUnsafeReadableBytes { bytes in
            guard let base = bytes.baseAddress, bytes.count > 0 else { return }
            _ = BIO_write(readBIO, base, Int32(bytes.count))
        }
    }

    /// Ciphertext OpenSSL wants sent, or nil when there is none.
    func drainOutput(allocator: ByteBufferAllocator) -> ByteBuffer? {
        let pending = rosplay_BIO_pending(writeBIO)
        guard pending > 0 else { return nil }
        var buffer = allocator.buffer(capacity: Int(pending))
        buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: Int(pending)) { bytes in
            Int(max(0, BIO_read(writeBIO, bytes.baseAddress, Int32(pending))))
        }
        return buffer
    }

    /// Advances the handshake. Returns true once it is complete.
    func handshake() throws(RouterOSError) -> Bool {
        OpenSSLErrorQueue.clear()
        let result = SSL_do_handshake(ssl)
        if result == 1 { return true }
        switch SSL_get_error(ssl, result) {
        case SSL_ERROR_WANT_READ, SSL_ERROR_WANT_WRITE:
            return false
        case SSL_ERROR_ZERO_RETURN:
            throw RouterOSError(.closedDuringHandshake, stage: .tlsHandshake)
        default:
            throw handshakeError()
        }
    }

    /// The most specific account of a failed handshake: the certificate check if that failed,
    /// with the fingerprint of the certificate the router presented.
    private func handshakeError() -> RouterOSError {
        let verifyResult = Int32(SSL_get_verify_result(ssl))
        let failure = OpenSSLErrorQueue.drain()
        let presented = presentedFingerprint()
        guard case .client(.verify) = context.role, verifyResult != X509_V_OK else {
            return RouterOSError(.handshakeFailed, stage: .tlsHandshake, reason: Self.handshakeWords(failure),
                                 presentedFingerprint: presented, underlying: failure)
        }
        let code: RouterOSError.Code
        switch verifyResult {
        case X509_V_ERR_CERT_HAS_EXPIRED: code = .certificateExpired
        case X509_V_ERR_CERT_NOT_YET_VALID: code = .certificateNotYetValid
        case X509_V_ERR_HOSTNAME_MISMATCH, X509_V_ERR_IP_ADDRESS_MISMATCH: code = .certificateNameMismatch
        default: code = .certificateUntrusted
        }
        let finding = code == .certificateNameMismatch ? nil : String(cString: X509_verify_cert_error_string(Int(verifyResult)))
        return RouterOSError(code, stage: .tlsHandshake, reason: finding, presentedFingerprint: presented, underlying: failure)
    }

    /// OpenSSL's reasons for a failed handshake, said as what they mean where that is known
    /// (OpenSSL's own words kept in brackets, for searching).
    static func handshakeWords(_ failure: OpenSSLFailure) -> String {
        let reasons = failure.words(or: "the router ended the handshake")
        if ["handshake failure", "no shared cipher", "no suitable", "no protocols available"].contains(where: reasons.contains) {
            return "no TLS version or cipher in common (\(reasons))"
        }
        if reasons.contains("wrong version number") || reasons.contains("packet length too long") {
            return "the other end does not speak TLS (\(reasons))"
        }
        return reasons
    }

    /// Checks the peer's certificate against a pin. Call after the handshake completes.
    func checkPin() throws(RouterOSError) {
        guard case .client(.pinned(let expected)) = context.role else { return }
        guard let certificate = peerCertificate() else { throw RouterOSError(.noCertificate, stage: .tlsHandshake) }
        let actual = certificate.fingerprint
        guard actual == expected else {
            throw RouterOSError(.fingerprintMismatch, stage: .tlsHandshake, presentedFingerprint: actual, pinnedFingerprint: expected)
        }
    }

    /// The leaf certificate the peer presented, if any.
    func peerCertificate() -> X509Certificate? {
        SSL_get1_peer_certificate(ssl).map(X509Certificate.init(taking:))
    }

    /// The fingerprint of the leaf certificate the router presented, even when the handshake
    /// failed on it: OpenSSL keeps a refused certificate only in the received chain, whose first
    /// entry a client sees is the leaf.
    func presentedFingerprint() -> CertificateFingerprint? {
        if let certificate = peerCertificate() { return certificate.fingerprint }
        guard let chain = SSL_get_peer_cert_chain(ssl), OPENSSL_sk_num(chain) > 0,
              let leaf = OPENSSL_sk_value(chain, 0) else { return nil }
        let pointer = OpaquePointer(leaf)
        X509_up_ref(pointer)
        return X509Certificate(taking: pointer).fingerprint
    }

    /// The negotiated protocol and cipher, such as `TLSv1.2 ADH-AES256-GCM-SHA384`.
    var negotiated: String {
        let version = String(cString: SSL_get_version(ssl))
        let cipher = SSL_get_current_cipher(ssl).map { String(cString: SSL_CIPHER_get_name($0)) } ?? "none"
        return "\(version) \(cipher)"
    }

    /// Decrypts the next chunk of plaintext.
    func read(allocator: ByteBufferAllocator) throws(RouterOSError) -> ReadResult {
        OpenSSLErrorQueue.clear()
        var buffer = allocator.buffer(capacity: 16_384)
        var result: Int32 = 0
        buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: 16_384) { bytes in
            result = SSL_read(ssl, bytes.baseAddress, Int32(bytes.count))
            return Int(max(0, result))
        }
        if result > 0 { return .data(buffer) }
        switch SSL_get_error(ssl, result) {
        case SSL_ERROR_WANT_READ, SSL_ERROR_WANT_WRITE: return .wantMore
        case SSL_ERROR_ZERO_RETURN: return .closed
        default: throw .openSSL(.tlsFailure, stage: nil, "reading")
        }
    }

    /// Encrypts `plaintext`; the ciphertext is then in ``drainOutput(allocator:)``.
    func write(_ plaintext: ByteBuffer) throws(RouterOSError) {
        OpenSSLErrorQueue.clear()
        var failure: RouterOSError?
        plaintext.withUnsafeReadableBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = SSL_write(ssl, bytes.baseAddress! + offset, Int32(bytes.count - offset))
                guard written > 0 else {
                    failure = .openSSL(.tlsFailure, stage: nil, "writing")
                    return
                }
                offset += Int(written)
            }
        }
        if let failure { throw failure }
    }

    /// Queues a close_notify alert.
    func shutdown() {
        OpenSSLErrorQueue.clear()
        _ = SSL_shutdown(ssl)
        OpenSSLErrorQueue.clear()
    }
}
