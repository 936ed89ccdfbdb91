import Foundation
import MockRouter
import RouterOSAPI

/// Certificates made at test time (never committed): a CA and a server certificate for
/// localhost/127.0.0.1, as `mock-routeros --certificate` makes them, and the odd ones the negative tests need.
final class TestCertificates: Sendable {
    let directory: String
    let caFile: String
    let certificateFile: String
    let keyFile: String
    let fingerprint: CertificateFingerprint

    static let shared: TestCertificates = try! TestCertificates()

    private init() throws {
        directory = NSTemporaryDirectory() + "rosplay-tests-\(UUID().uuidString)"
        let main = CertificateDirectory(path: directory)
        try main.ensure()
        caFile = main.caFile
        certificateFile = main.certificateFile
        keyFile = main.keyFile
        fingerprint = try CertificateFingerprint(pemFile: certificateFile)
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
