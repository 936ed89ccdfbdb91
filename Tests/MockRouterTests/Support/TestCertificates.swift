import Foundation
import RouterOSAPI

/// Certificates made at test time (never committed): a CA, a server certificate for
/// localhost/127.0.0.1, and the odd ones the negative tests need.
final class TestCertificates: Sendable {
    let directory: String
    let caFile: String
    let certificateFile: String
    let keyFile: String
    let fingerprint: CertificateFingerprint

    static let shared: TestCertificates = try! TestCertificates()

    private init() throws {
        directory = NSTemporaryDirectory() + "rosplay-tests-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let authority = try CertificateIssuer.makeAuthority(commonName: "rosplay test CA")
        let server = try CertificateIssuer.makeServerCertificate(commonName: "localhost", subjectAltNames: ["localhost", "127.0.0.1"], issuer: authority)
        caFile = try Self.write(authority.certificatePEM, "ca.pem", in: directory)
        certificateFile = try Self.write(server.certificatePEM, "cert.pem", in: directory)
        keyFile = try Self.write(server.privateKeyPEM, "key.pem", in: directory)
        fingerprint = try server.fingerprint()
    }

    /// Writes a server identity signed by a fresh CA with the given names and validity; returns (cert, key, ca).
    func makeServer(names: [String], notBefore: Int = -3600, notAfter: Int = 86_400) throws -> (certificate: String, key: String, ca: String) {
        let authority = try CertificateIssuer.makeAuthority(commonName: "other CA")
        let server = try CertificateIssuer.makeServerCertificate(
            commonName: names.first ?? "x", subjectAltNames: names, issuer: authority, notBefore: notBefore, notAfter: notAfter)
        let stem = UUID().uuidString
        return (
            try Self.write(server.certificatePEM, "\(stem)-cert.pem", in: directory),
            try Self.write(server.privateKeyPEM, "\(stem)-key.pem", in: directory),
            try Self.write(authority.certificatePEM, "\(stem)-ca.pem", in: directory)
        )
    }

    /// A CA that signed nothing the mock presents.
    func unrelatedCA() throws -> String {
        try makeServer(names: ["localhost"]).ca
    }

    private static func write(_ text: String, _ name: String, in directory: String) throws -> String {
        let path = directory + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
