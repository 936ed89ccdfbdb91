import Testing
@testable import RouterOSAPI

struct MessageTests {
    @Test func attributeSplitsAtFirstEqualsAfterTheLeadingOne() throws {
        let command = try Command(parsing: Sentence(["/user/add", "=name=iu=c3Eeg", "=comment=", "=follow"]))
        #expect(command.attributes == [Attribute("name", "iu=c3Eeg"), Attribute("comment", ""), Attribute("follow", "")])
    }

    @Test func valuesKeepNonUTF8Bytes() throws {
        let value: [UInt8] = [0xFF, 0x00, 0x3D, 0xC3]
        let sentence = Sentence([Word("/x/add"), Word(bytes: Array("=v=".utf8) + value)])
        let command = try Command(parsing: sentence)
        #expect(command.attributes.first?.value.bytes == value)
        #expect(command.sentence == sentence)
    }

    @Test func commandWordsComeInDocumentedOrder() {
        var command = Command("/ip/address/print", ["interface": "bridge"], queries: [.has("address"), .operations("!")], tag: "7")
        command.apiAttributes = [Attribute("custom", "1")]
        #expect(command.sentence.words.map(\.string) == ["/ip/address/print", "=interface=bridge", ".custom=1", ".tag=7", "?address", "?#!"])
    }

    @Test func commandRoundTripsThroughParsing() throws {
        let command = Command("/ip/route/print", [".proplist": ".id,dst-address"], queries: [
            .equals("gateway", "172.16.1.1"), .greater("distance", "1"), .less("distance", "9"), .lacks("comment"), .operations("&!"),
        ], tag: "42")
        #expect(try Command(parsing: command.sentence) == command)
    }

    @Test(arguments: [
        ("?type=ether", QueryWord.equals("type", "ether")),
        ("?=type=ether", .equals("type", "ether")),
        ("?=name=a=b", .equals("name", "a=b")),
        ("?>comment=", .greater("comment", "")),
        ("?<distance=2", .less("distance", "2")),
        ("?#|!", .operations("|!")),
        ("?-comment", .lacks("comment")),
        ("?disabled", .has("disabled")),
    ])
    func queryWordsParse(word: String, expected: QueryWord) throws {
        #expect(try QueryWord(parsing: Word(word)) == expected)
    }

    @Test func repliesParse() throws {
        let trap = try Reply(parsing: Sentence(["!trap", "=category=1", "=message=input does not match any value of interface", ".tag=5"]))
        #expect(trap.kind == .trap)
        #expect(trap["category"] == "1")
        #expect(trap["message"] == "input does not match any value of interface")
        #expect(trap.tag == "5")

        let fatal = try Reply(parsing: Sentence(["!fatal", "not logged in"]))
        #expect(fatal.kind == .fatal)
        #expect(fatal.bareWords == ["not logged in"])

        let done = try Reply(parsing: Sentence(["!done", "=ret=*1A"]))
        #expect(done == Reply.done(ret: "*1A"))

        #expect(try Reply(parsing: Sentence(["!empty", ".tag=3"])) == Reply(.empty, tag: "3"))
        #expect(try Reply(parsing: Sentence(["!future"])).kind == .other("!future"))
        #expect(throws: ProtocolError.self) { try Reply(parsing: Sentence(["=ret=1"])) }
    }

    @Test func secretsNeverPrint() {
        let command = Command("/interface/wireguard/add", ["name": "wg0", "private-key": "c2VjcmV0c2VjcmV0"], queries: [.equals("preshared-key", "cHNr")])
        let login = Command("/login", ["name": "admin", "password": "hunter2"])
        for text in [command.description, login.description, "\(command.attributes)"] {
            #expect(!text.contains("c2VjcmV0c2VjcmV0"))
            #expect(!text.contains("cHNr"))
            #expect(!text.contains("hunter2"))
        }
        #expect(command.description.contains("private-key=(sensitive)"))
        // The wire still carries the secret.
        #expect(command.sentence.words.contains(Word("=private-key=c2VjcmV0c2VjcmV0")))
    }

    @Test func documentedLoginChallengeVectors() {
        #expect(LoginChallenge.response(password: "", challenge: "93b438ec9b80057c06dd9fe67d56aa9a") == "00e134102a9d330dd7b1849fedfea3cb57")
        #expect(LoginChallenge.response(password: "", challenge: "856780b7411eefd3abadee2058c149a3") == "005062f7a5ef124d34675bf3e81f56c556")
        #expect(LoginChallenge.response(password: "x", challenge: "zz") == nil)
    }

    @Test func fingerprintsParseInEveryCommonForm() {
        let hex = String(repeating: "AB", count: 32)
        let colons = (0..<32).map { _ in "ab" }.joined(separator: ":")
        let expected = CertificateFingerprint(bytes: [UInt8](repeating: 0xAB, count: 32))
        #expect(CertificateFingerprint(parsing: "SHA256:" + hex) == expected)
        #expect(CertificateFingerprint(parsing: "sha256:" + colons) == expected)
        #expect(CertificateFingerprint(parsing: hex) == expected)
        #expect(CertificateFingerprint(parsing: "SHA256:ABCD") == nil)
        #expect(expected?.description == "SHA256:" + hex)
    }
}
