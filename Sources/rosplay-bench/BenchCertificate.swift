import Foundation
import MockRouter
import RouterOSAPI

/// The certificate every benchmark router presents on API-SSL, and its fingerprint, which rosplay
/// pins (`--fingerprint`), as a user with a self-signed router certificate would. Without a
/// certificate RouterOS offers only anonymous Diffie-Hellman, whose handshake costs about 25 ms
/// more than ECDHE on this kind of machine: not what these measurements are about.
enum BenchCertificate {
    static let directory = CertificateDirectory(path: FileManager.default.temporaryDirectory.appendingPathComponent("rosplay-bench-certificates").path)

    /// Generates it the first time (kept between runs, in the temporary directory).
    static func prepare() throws -> CertificateFingerprint {
        try directory.ensure()
        return try CertificateFingerprint(pemFile: directory.certificateFile)
    }

    static var tls: MockRouterConfiguration.TLSMode {
        .certificate(certificateFile: directory.certificateFile, keyFile: directory.keyFile)
    }
}
