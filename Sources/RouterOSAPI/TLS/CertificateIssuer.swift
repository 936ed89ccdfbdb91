internal import COpenSSL

/// Makes X.509 certificates with OpenSSL: a self-signed CA, and leaf certificates it signs.
///
/// Tests and MockRouter use it so that no key is ever committed. Keys are ECDSA P-256,
/// signatures SHA-256.
package enum CertificateIssuer {
    /// A self-signed CA certificate valid from an hour ago for `days` days.
    package static func makeAuthority(commonName: String, days: Int = 3650) throws -> PEMIdentity {
        let key = try PrivateKey.generateP256()
        let certificate = try build(
            commonName: commonName, key: key, issuer: nil,
            notBefore: -3600, notAfter: days * 86_400,
            extensions: [
                (NID_basic_constraints, "critical,CA:TRUE"),
                (NID_key_usage, "critical,keyCertSign,cRLSign"),
                (NID_subject_key_identifier, "hash"),
            ]
        )
        return PEMIdentity(certificatePEM: try certificate.pem(), privateKeyPEM: try key.pem())
    }

    /// A server certificate for `subjectAltNames` (host names or IP addresses) signed by `issuer`.
    /// - Parameters:
    ///   - notBefore: seconds from now when it becomes valid (negative: in the past).
    ///   - notAfter: seconds from now when it expires (negative makes an expired certificate).
    package static func makeServerCertificate(
        commonName: String,
        subjectAltNames: [String],
        issuer: PEMIdentity,
        notBefore: Int = -3600,
        notAfter: Int = 825 * 86_400
    ) throws -> PEMIdentity {
        let key = try PrivateKey.generateP256()
        let issuerCertificate = try OpenSSLObjects.certificate(fromPEM: issuer.certificatePEM)
        let issuerKey = try OpenSSLObjects.privateKey(fromPEM: issuer.privateKeyPEM)
        let names = subjectAltNames
            .map { IPAddressText.isIPAddress($0) ? "IP:\($0)" : "DNS:\($0)" }
            .joined(separator: ",")
        let certificate = try build(
            commonName: commonName, key: key, issuer: (issuerCertificate, issuerKey),
            notBefore: notBefore, notAfter: notAfter,
            extensions: [
                (NID_basic_constraints, "critical,CA:FALSE"),
                (NID_key_usage, "critical,digitalSignature,keyAgreement"),
                (NID_ext_key_usage, "serverAuth"),
                (NID_subject_alt_name, names),
            ]
        )
        return PEMIdentity(certificatePEM: try certificate.pem(), privateKeyPEM: try key.pem())
    }

    private static func build(
        commonName: String,
        key: PrivateKey,
        issuer: (certificate: X509Certificate, key: PrivateKey)?,
        notBefore: Int,
        notAfter: Int,
        extensions: [(Int32, String)]
    ) throws(RouterOSError) -> X509Certificate {
        guard let x509 = X509_new() else { throw .openSSL(.tlsFailure, stage: nil, "cannot make a certificate") }
        let certificate = X509Certificate(taking: x509)
        X509_set_version(x509, 2)
        ASN1_INTEGER_set(X509_get_serialNumber(x509), Int.random(in: 1...Int(Int32.max)))
        X509_gmtime_adj(X509_getm_notBefore(x509), notBefore)
        X509_gmtime_adj(X509_getm_notAfter(x509), notAfter)
        X509_set_pubkey(x509, key.pointer)
        let subject = X509_get_subject_name(x509)
        X509_NAME_add_entry_by_txt(subject, "CN", MBSTRING_ASC, commonName, -1, -1, 0)
        X509_set_issuer_name(x509, issuer.map { X509_get_subject_name($0.certificate.pointer) } ?? subject)

        var v3 = X509V3_CTX()
        X509V3_set_ctx(&v3, issuer?.certificate.pointer ?? x509, x509, nil, nil, 0)
        for (nid, value) in extensions {
            guard let ext = X509V3_EXT_conf_nid(nil, &v3, nid, value) else {
                throw .openSSL(.tlsFailure, stage: nil, "certificate extension \(value)")
            }
            X509_add_ext(x509, ext, -1)
            X509_EXTENSION_free(ext)
        }
        guard X509_sign(x509, issuer?.key.pointer ?? key.pointer, EVP_sha256()) > 0 else {
            throw .openSSL(.tlsFailure, stage: nil, "signing the certificate")
        }
        return certificate
    }
}

extension X509Certificate {
    func pem() throws(RouterOSError) -> String {
        try OpenSSLObjects.pem { PEM_write_bio_X509($0, pointer) }
    }
}
