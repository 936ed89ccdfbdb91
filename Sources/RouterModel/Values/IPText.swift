#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// IP addresses and prefixes in the canonical text RouterOS prints (IPv6 compressed, lower case).
public enum IPText {
    /// An address parsed into bytes (4 or 16).
    public struct Address: Hashable, Sendable {
        public let bytes: [UInt8]
        public var family: IPFamily { bytes.count == 4 ? .v4 : .v6 }

        public init?(_ text: String) {
            var v4 = in_addr()
            var v6 = in6_addr()
            // A byte search: `contains(":")` would be Foundation's string search, a hundred times slower.
            if !text.utf8.contains(UInt8(ascii: ":")), inet_pton(AF_INET, text, &v4) == 1 {
                bytes = withUnsafeBytes(of: &v4) { Array($0) }
            } else if inet_pton(AF_INET6, text, &v6) == 1 {
                bytes = withUnsafeBytes(of: &v6) { Array($0) }
            } else {
                return nil
            }
        }

        /// An address from its 4 (IPv4) or 16 (IPv6) bytes.
        public init(bytes: [UInt8]) {
            self.bytes = bytes
        }

        /// Canonical text: dotted quad, or RFC 5952 compressed IPv6.
        public var text: String {
            var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
            let family = bytes.count == 4 ? AF_INET : AF_INET6
            _ = bytes.withUnsafeBytes { inet_ntop(family, $0.baseAddress, &buffer, socklen_t(buffer.count)) }
            return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }

        /// The address with all bits after `length` cleared.
        public func masked(to length: Int) -> Address {
            var bytes = self.bytes
            for index in bytes.indices {
                let bitsKept = max(0, min(8, length - index * 8))
                bytes[index] &= bitsKept == 8 ? 0xFF : ~(0xFF >> UInt8(bitsKept))
            }
            return Address(bytes: bytes)
        }

        public var bitCount: Int { bytes.count * 8 }
    }

    /// Parses `address[/length]`; a bare address has the full length.
    public static func prefix(_ text: String) -> (address: Address, length: Int)? {
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let address = Address(String(parts[0])) else { return nil }
        guard parts.count == 2 else { return (address, address.bitCount) }
        guard let length = Int(parts[1]), (0...address.bitCount).contains(length), !parts[1].hasPrefix("+") else { return nil }
        return (address, length)
    }
}
