extension RouterOSClient.Configuration {
    /// How the connection is protected and how the router is trusted.
    ///
    /// A struct with static members rather than an enum, so that modes can be added without
    /// breaking a `switch` elsewhere.
    public struct TLS: Hashable, Sendable, CustomStringConvertible {
        /// How the TLS client trusts the router; nil for the plain API.
        let trust: ClientTrust?

        /// API-SSL (8729), the router's certificate verified against the CA certificates in
        /// `caFile` (PEM), or the system's trust store when nil, and checked to name the host
        /// or address connected to.
        public static func verify(caFile: String? = nil) -> TLS {
            TLS(trust: .verify(caFile: caFile))
        }

        /// API-SSL (8729), accepting exactly the certificate with this SHA-256 fingerprint; no CA is needed.
        public static func pinned(_ fingerprint: CertificateFingerprint) -> TLS {
            TLS(trust: .pinned(fingerprint))
        }

        /// API-SSL (8729) with anonymous Diffie-Hellman (TLS 1.2, no certificate): what RouterOS
        /// offers when `/ip/service api-ssl` has `certificate=none`. Encrypts, but authenticates nobody.
        public static let anonymous = TLS(trust: .anonymous)

        /// The plain API (8728): passwords travel in clear text. Only when asked for.
        public static let plain = TLS(trust: nil)

        /// 8729 for API-SSL, 8728 for the plain API.
        public var defaultPort: Int { trust == nil ? 8728 : 8729 }

        public var description: String {
            switch trust {
            case .verify(let caFile?): return "TLS verified against \(caFile)"
            case .verify(nil): return "TLS verified against the system's CAs"
            case .pinned(let fingerprint): return "TLS pinned to \(fingerprint)"
            case .anonymous: return "anonymous TLS"
            case nil: return "plain"
            }
        }
    }
}
