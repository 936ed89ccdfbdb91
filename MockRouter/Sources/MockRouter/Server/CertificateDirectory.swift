import Foundation
import RouterOSAPI

/// A folder holding `ca.pem`, `cert.pem` and `key.pem` for API-SSL.
///
/// Missing files are generated: a CA, and a server certificate it signs for `localhost` and
/// `127.0.0.1` (subjectAltName), so clients can verify the mock against `ca.pem`.
public struct CertificateDirectory: Sendable {
    public let path: String

    public var caFile: String { path + "/ca.pem" }
    public var certificateFile: String { path + "/cert.pem" }
    public var keyFile: String { path + "/key.pem" }

    public init(path: String) {
        self.path = path
    }

    /// The names the server certificate is made for.
    static let subjectAltNames = ["localhost", "127.0.0.1"]

    /// Generates whatever is missing; leaves existing files alone.
    public func ensure() throws {
        let files = FileManager.default
        try files.createDirectory(atPath: path, withIntermediateDirectories: true)
        if files.fileExists(atPath: certificateFile), files.fileExists(atPath: keyFile) { return }
        let authority: PEMIdentity
        if files.fileExists(atPath: caFile), files.fileExists(atPath: path + "/ca-key.pem") {
            authority = PEMIdentity(
                certificatePEM: try String(contentsOfFile: caFile, encoding: .utf8),
                privateKeyPEM: try String(contentsOfFile: path + "/ca-key.pem", encoding: .utf8))
        } else {
            authority = try CertificateIssuer.makeAuthority(commonName: "MockRouter test CA")
            try write(authority.certificatePEM, to: caFile)
            try write(authority.privateKeyPEM, to: path + "/ca-key.pem", private: true)
        }
        let server = try CertificateIssuer.makeServerCertificate(
            commonName: Self.subjectAltNames[0], subjectAltNames: Self.subjectAltNames, issuer: authority)
        try write(server.certificatePEM, to: certificateFile)
        try write(server.privateKeyPEM, to: keyFile, private: true)
    }

    private func write(_ text: String, to file: String, private isPrivate: Bool = false) throws {
        if isPrivate {
            try PrivateFile.write(text, to: file)
        } else {
            try text.write(toFile: file, atomically: true, encoding: .utf8)
        }
    }
}
