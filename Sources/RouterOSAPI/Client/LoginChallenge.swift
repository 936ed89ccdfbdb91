internal import COpenSSL

/// The pre-6.43 login: the router sends a 16-byte challenge as hex; the client answers
/// `00` followed by hex(MD5(0x00 + password + challenge)).
public enum LoginChallenge {
    /// The `=response=` value for `password` and the hex `challenge`, or nil when the challenge is not hex.
    public static func response(password: String, challenge: String) -> String? {
        guard let challengeBytes = Hex.bytes(challenge) else { return nil }
        let message = [0] + Array(password.utf8) + challengeBytes
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        EVP_Digest(message, message.count, &digest, &length, EVP_md5(), nil)
        return "00" + Hex.text(digest.prefix(Int(length)))
    }
}
