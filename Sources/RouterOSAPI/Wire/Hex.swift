/// Hexadecimal text ↔ bytes, as challenges and fingerprints are written.
enum Hex {
    /// The bytes of `text` (an even number of hex digits, either case), or nil.
    static func bytes(_ text: some StringProtocol) -> [UInt8]? {
        guard text.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(index, offsetBy: 2)
            guard let byte = UInt8(text[index..<next], radix: 16) else { return nil }
            bytes.append(byte)
            index = next
        }
        return bytes
    }

    /// `bytes` as hex digits, lower case unless asked.
    static func text(_ bytes: some Sequence<UInt8>, uppercase: Bool = false) -> String {
        bytes.map { byte in
            let digits = String(byte, radix: 16, uppercase: uppercase)
            return digits.count == 1 ? "0" + digits : digits
        }.joined()
    }
}
