internal import COpenSSL

/// The pre-6.43 login: the router sends a 16-byte challenge as hex; the client answers
/// `00` followed by hex(MD5(0x00 + password + challenge)).
public enum LoginChallenge {
    /// The `=response=` value for `password` and the hex `challenge`, or nil when the challenge is not hex.
    public static func response(password: String, challenge: String) -> String? {
        guard challenge.count % 2 == 0 else { return nil }
        var challengeBytes: [UInt8] = []
        var index = challenge.startIndex
        while index < challenge.endIndex {
            let next = challenge.index(index, offsetBy: 2)
            guard let byte = UInt8(challenge[index..<next], radix: 16) else { return nil }
            challengeBytes.append(byte)
            index = next
        }
        let message = [0] + Array(password.utf8) + challengeBytes
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        EVP_Digest(message, message.count, &digest, &length, EVP_md5(), nil)
        return "00" + digest.prefix(Int(length)).map { byte in
            let hex = String(byte, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }.joined()
    }
}
