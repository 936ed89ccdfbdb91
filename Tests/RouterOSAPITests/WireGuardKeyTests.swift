import Foundation
import Testing
@testable import RouterOSAPI

/// WireGuard keys against RFC 7748, section 6.1 (X25519), not against the function that made
/// them: each private key, base64-encoded as WireGuard and RouterOS print it, gives the RFC's public key.
struct WireGuardKeyTests {
    static func base64(hex: String) -> String {
        Data(Hex.bytes(hex)!).base64EncodedString()
    }

    @Test(arguments: [
        // Alice
        ("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a", "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a"),
        // Bob
        ("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb", "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f"),
    ])
    func publicKeyFollowsRFC7748(privateKey: String, publicKey: String) {
        #expect(WireGuardKey.publicKey(forPrivateKey: Self.base64(hex: privateKey)) == Self.base64(hex: publicKey))
    }

    @Test func theBase64IsWireGuardsOwn() {
        // WireGuard writes keys in standard base64 with padding: 44 characters for 32 bytes.
        #expect(Self.base64(hex: "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a") == "hSDwCYkwp1R0i33ctD73Wg2/Og0mOBr066SpjqqbTmo=")
    }

    @Test func aKeyThatIsNot32BytesHasNoPublicKey() {
        #expect(WireGuardKey.publicKey(forPrivateKey: Data(repeating: 1, count: 31).base64EncodedString()) == nil)
        #expect(WireGuardKey.publicKey(forPrivateKey: "not base64") == nil)
    }

    @Test func aFreshKeyHasAPublicKey() throws {
        let privateKey = try WireGuardKey.generatePrivateKey()
        #expect(Data(base64Encoded: privateKey)?.count == 32)
        #expect(WireGuardKey.publicKey(forPrivateKey: privateKey).flatMap { Data(base64Encoded: $0) }?.count == 32)
    }
}
