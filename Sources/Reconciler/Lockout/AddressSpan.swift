import RouterModel

/// A set of addresses as RouterOS writes one in an address property: a prefix (`192.0.2.0/24`),
/// a range (`192.0.2.10-192.0.2.20`) or one address. Host bits of a prefix are ignored.
struct AddressSpan: Hashable, Sendable {
    let low: IPText.Address
    let high: IPText.Address

    /// Nil for text that is none of these (a DNS name in an address list, a typo).
    init?(_ text: String) {
        if let dash = text.firstIndex(of: "-") {
            guard let low = IPText.Address(String(text[..<dash])),
                  let high = IPText.Address(String(text[text.index(after: dash)...])),
                  low.family == high.family else { return nil }
            self.low = low
            self.high = high
        } else {
            guard let (address, length) = IPText.prefix(text) else { return nil }
            low = address.masked(to: length)
            high = IPText.Address(octets: zip(address.bytes, low.bytes).enumerated().map { index, pair in
                let bitsKept = max(0, min(8, length - index * 8))
                return bitsKept == 8 ? pair.1 : pair.1 | (0xFF >> UInt8(bitsKept))
            })!
        }
    }

    func contains(_ address: IPText.Address) -> Bool {
        address.family == low.family
            && !address.bytes.lexicographicallyPrecedes(low.bytes)
            && !high.bytes.lexicographicallyPrecedes(address.bytes)
    }
}

extension IPText.Address {
    init?(octets bytes: [UInt8]) {
        guard bytes.count == 4 || bytes.count == 16 else { return nil }
        let text = bytes.count == 4
            ? bytes.map(String.init).joined(separator: ".")
            : stride(from: 0, to: 16, by: 2).map { String(UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]), radix: 16) }.joined(separator: ":")
        self.init(text)
    }

    /// 127.0.0.0/8, ::1, or an IPv4-mapped loopback.
    var isLoopback: Bool {
        family == .v4 ? bytes[0] == 127 : bytes == [UInt8](repeating: 0, count: 15) + [1]
    }
}
