/// Byte-level mutations of a valid input, the way coverage-blind fuzzers find parser crashes:
/// flips, insertions of hostile tokens, deletions, duplications and splices.
public struct Mutator {
    /// Tokens that have broken parsers of numbers, lengths and text before.
    public static let hostileTokens: [[UInt8]] = [
        "99999999999999999999", "9223372036854775807", "9223372036854775808", "-9223372036854775809", "-1", "0",
        "4294967296", "9999999999999:00:00", "1e400", "nan", "inf", ".", "..", "*FFFFFFFFFFFFFFFFFFFF", "*-1",
        "/99999999999999999999", "::::", "255.255.255.256", "%", "=", "?", "#", "!", "&", "|", "${", "}", "\\",
        "\u{0}", "\u{1}", "\r\n", "\t", "\u{FEFF}", "\u{202E}", "é", "𝟘",
    ].map { Array($0.utf8) } + [[0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF8], [0xF0, 0xFF, 0xFF, 0xFF, 0xFF]]

    public init() {}

    /// `bytes` changed by one to three random mutations.
    public func mutate(_ bytes: [UInt8], using generator: inout SeededGenerator) -> [UInt8] {
        var result = bytes
        for _ in 0..<Int.random(in: 1...3, using: &generator) {
            mutateOnce(&result, using: &generator)
        }
        return result
    }

    private func mutateOnce(_ bytes: inout [UInt8], using generator: inout SeededGenerator) {
        let position = bytes.isEmpty ? 0 : Int.random(in: 0...bytes.count, using: &generator)
        switch Int.random(in: 0..<6, using: &generator) {
        case 0 where position < bytes.count:
            bytes[position] ^= 1 << UInt8.random(in: 0..<8, using: &generator)
        case 1:
            bytes.insert(contentsOf: Self.hostileTokens.randomElement(using: &generator)!, at: position)
        case 2 where position < bytes.count:
            let end = min(bytes.count, position + Int.random(in: 1...16, using: &generator))
            bytes.removeSubrange(position..<end)
        case 3 where position < bytes.count:
            let end = min(bytes.count, position + Int.random(in: 1...32, using: &generator))
            bytes.insert(contentsOf: bytes[position..<end], at: Int.random(in: 0...bytes.count, using: &generator))
        case 4:
            bytes.insert(UInt8.random(in: 0...255, using: &generator), at: position)
        default:
            if position < bytes.count { bytes[position] = UInt8.random(in: 0...255, using: &generator) }
        }
    }
}
