internal import COpenSSL

/// A certificate and its private key, both PEM-encoded.
package struct PEMIdentity: Hashable, Sendable {
    package var certificatePEM: String
    package var privateKeyPEM: String

    package init(certificatePEM: String, privateKeyPEM: String) {
        self.certificatePEM = certificatePEM
        self.privateKeyPEM = privateKeyPEM
    }

    /// The SHA-256 fingerprint of the certificate, the value a pinned client expects.
    package func fingerprint() throws -> CertificateFingerprint {
        try OpenSSLObjects.certificate(fromPEM: certificatePEM).fingerprint
    }
}

/// Small owned wrappers for the OpenSSL objects the certificate code handles.
enum OpenSSLObjects {
    static func memoryBIO(_ text: String) throws(RouterOSError) -> OpaquePointer {
        let bytes = Array(text.utf8)
        guard let bio = bytes.withUnsafeBytes({ BIO_new_mem_buf($0.baseAddress, Int32($0.count)) }) else {
            throw .openSSL(.tlsFailure, stage: nil, "cannot hold PEM text")
        }
        return bio
    }

    static func certificate(fromPEM text: String) throws(RouterOSError) -> X509Certificate {
        let bio = try memoryBIO(text)
        defer { BIO_free(bio) }
        guard let x509 = PEM_read_bio_X509(bio, nil, nil, nil) else {
            throw .openSSL(.invalidConfiguration, stage: nil, "not a PEM certificate")
        }
        return X509Certificate(taking: x509)
    }

    static func privateKey(fromPEM text: String) throws(RouterOSError) -> PrivateKey {
        let bio = try memoryBIO(text)
        defer { BIO_free(bio) }
        guard let key = PEM_read_bio_PrivateKey(bio, nil, nil, nil) else {
            throw .openSSL(.invalidConfiguration, stage: nil, "not a PEM private key")
        }
        return PrivateKey(taking: key)
    }

    /// Runs `write` against a fresh memory BIO and returns what it wrote.
    static func pem(_ write: (OpaquePointer) -> Int32) throws(RouterOSError) -> String {
        guard let bio = BIO_new(BIO_s_mem()) else { throw .openSSL(.tlsFailure, stage: nil, "cannot hold PEM text") }
        defer { BIO_free(bio) }
        guard write(bio) == 1 else { throw .openSSL(.tlsFailure, stage: nil, "PEM encoding") }
        var data: UnsafeMutablePointer<CChar>?
        let length = rosplay_BIO_get_mem_data(bio, &data)
        guard let data, length > 0 else { return "" }
        return String(decoding: UnsafeRawBufferPointer(start: data, count: Int(length)), as: UTF8.self)
    }
}

/// An owned `EVP_PKEY`.
final class PrivateKey {
    let pointer: OpaquePointer

    init(taking pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit {
        EVP_PKEY_free(pointer)
    }

    /// A fresh ECDSA P-256 key.
    static func generateP256() throws(RouterOSError) -> PrivateKey {
        guard let key = rosplay_EVP_PKEY_generate_ec_p256() else {
            throw .openSSL(.tlsFailure, stage: nil, "key generation")
        }
        return PrivateKey(taking: key)
    }

    func pem() throws(RouterOSError) -> String {
        try OpenSSLObjects.pem { PEM_write_bio_PrivateKey($0, pointer, nil, nil, 0, nil, nil) }
    }
}
