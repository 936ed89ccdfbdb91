internal import COpenSSL
import Foundation

/// A SHA-256 fingerprint of a DER-encoded certificate, written `SHA256:HEX` on the command line.
public struct CertificateFingerprint: Hashable, Sendable, CustomStringConvertible {
    /// The 32 digest bytes.
    public let bytes: [UInt8]

    public init?(bytes: [UInt8]) {
        guard bytes.count == 32 else { return nil }
        self.bytes = bytes
    }

    /// Parses `SHA256:AB12…`, `ab:12:…` or plain hex (64 digits, colons and case ignored).
    public init?(parsing text: String) {
        var hex = text.trimmingCharacters(in: .whitespaces)
        if hex.uppercased().hasPrefix("SHA256:") { hex.removeFirst(7) }
        hex.removeAll { $0 == ":" }
        guard hex.count == 64, let bytes = Hex.bytes(hex) else { return nil }
        self.init(bytes: bytes)
    }

    /// The fingerprint of the first certificate in a PEM file.
    public init(pemFile path: String) throws {
        let certificate = try X509Certificate(pemFile: path)
        self = certificate.fingerprint
    }

    /// `SHA256:` followed by upper-case hex, the form `--fingerprint` takes.
    public var description: String {
        "SHA256:" + Hex.text(bytes, uppercase: true)
    }
}

/// An owned `X509` object.
final class X509Certificate {
    let pointer: OpaquePointer

    init(taking pointer: OpaquePointer) {
        self.pointer = pointer
    }

    convenience init(pemFile path: String) throws {
        guard let file = fopen(path, "r") else {
            throw RouterOSError(.invalidConfiguration, stage: nil, reason: "cannot read certificate file \(path): \(String(cString: strerror(errno)).lowercased())")
        }
        defer { fclose(file) }
        guard let x509 = PEM_read_X509(file, nil, nil, nil) else {
            throw RouterOSError.openSSL(.invalidConfiguration, stage: nil, "no PEM certificate in \(path)")
        }
        self.init(taking: x509)
    }

    deinit {
        X509_free(pointer)
    }

    var fingerprint: CertificateFingerprint {
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        X509_digest(pointer, EVP_sha256(), &digest, &length)
        return CertificateFingerprint(bytes: Array(digest.prefix(Int(length))))!
    }
}
