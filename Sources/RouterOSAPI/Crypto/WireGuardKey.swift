internal import COpenSSL
import Foundation

/// WireGuard's Curve25519 keys in the base64 text RouterOS prints, made with OpenSSL.
package enum WireGuardKey {
    /// OpenSSL could not make a key: WireGuard's own error, not a TLS one.
    package struct GenerationError: Error, Hashable, Sendable, CustomStringConvertible {
        /// What failed, such as `X25519 key generation`.
        package let step: String
        /// OpenSSL's reasons, without its error codes.
        package let reason: String

        init(step: String) {
            self.step = step
            self.reason = OpenSSLErrorQueue.drain().words(or: "no reason given")
        }

        package var description: String { "cannot make a WireGuard key: \(step) failed: \(reason)" }
    }

    /// A fresh private key, base64.
    package static func generatePrivateKey() throws(GenerationError) -> String {
        guard let key = rosplay_EVP_PKEY_generate_x25519() else {
            throw GenerationError(step: "X25519 key generation")
        }
        defer { EVP_PKEY_free(key) }
        var bytes = [UInt8](repeating: 0, count: 32)
        var length = 32
        guard EVP_PKEY_get_raw_private_key(key, &bytes, &length) == 1, length == 32 else {
            throw GenerationError(step: "reading the X25519 private key")
        }
        return Data(bytes).base64EncodedString()
    }

    /// The public key of a base64 private key, or nil when it is not a 32-byte key.
    package static func publicKey(forPrivateKey privateKey: String) -> String? {
        guard let raw = Data(base64Encoded: privateKey), raw.count == 32 else { return nil }
        let bytes = [UInt8](raw)
        guard let key = EVP_PKEY_new_raw_private_key(EVP_PKEY_X25519, nil, bytes, 32) else { return nil }
        defer { EVP_PKEY_free(key) }
        var publicBytes = [UInt8](repeating: 0, count: 32)
        var length = 32
        guard EVP_PKEY_get_raw_public_key(key, &publicBytes, &length) == 1, length == 32 else { return nil }
        return Data(publicBytes).base64EncodedString()
    }
}
