import FuzzSupport
import NIOCore
import NIOEmbedded
import RouterModel
import RouterOSAPI
import Testing
@testable import MockRouter

/// MockRouter's command handling under random and mutated sentences, as a full and a read-only
/// user: every command is answered (`!done`, after `!re`/`!empty`/`!trap`), nothing crashes, a
/// read-only user changes nothing, and the device still answers afterwards.
///
/// Sentences go straight into a ``SessionHandler`` on an `EmbeddedChannel`: the whole session
/// (parsing, login, tags, `/cancel`, the device) without a socket, thousands of commands a second.
@Suite(.timeLimit(.minutes(15))) struct MockCommandFuzzTests {
    static let full = MockUser(name: "fuzz-full", password: "full-pw")
    static let reader = MockUser(name: "fuzz-read", password: "read-pw", group: .read)

    @Test func commandsAreAlwaysAnsweredAndTheDeviceSurvives() throws {
        let run = FuzzRun("mock commands", defaultSeed: 0x5EED_0002, cases: 5000)
        var generator = run.generator
        let device = try RouterDevice(configuration: MockRouterConfiguration(users: [Self.full, Self.reader]))
        let words = SentenceGenerator(schema: device.schema)
        for user in [Self.full, Self.reader] {
            var session = try EmbeddedSession(device: device, user: user)
            for index in 0..<run.cases {
                var sentence = words.sentence(using: &generator)
                if Int.random(in: 0..<3, using: &generator) == 0 {
                    sentence = words.mutated(sentence, using: &generator)
                }
                let context = "case \(index) of seed \(run.seed) as \(user.name): \(sentence.words.map { String(reflecting: $0.string) })"
                let replies = try session.send(sentence)
                if replies.last?.kind != .done, replies.last?.kind != .fatal {
                    // Only a streaming command may go on (`follow-only` says nothing yet); /cancel ends it with !done.
                    #expect(Self.isStreaming(sentence), "\(context): answered \(replies)")
                    #expect(try session.send(Sentence(["/cancel"])).last?.kind == .done, "\(context): /cancel")
                }
                if user == Self.reader, Self.writes(sentence), replies.last?.kind == .done {
                    #expect(replies.contains { $0.kind == .trap }, "\(context): a read-only user changed something: \(replies)")
                }
                if !session.isOpen { session = try EmbeddedSession(device: device, user: user) }
            }
        }
        let after = try EmbeddedSession(device: device, user: Self.full)
        let identity = try after.send(Sentence(["/system/identity/print"]))
        #expect(identity.first?.kind == .re && identity.last?.kind == .done, "the device no longer answers: \(identity)")
    }

    static func isStreaming(_ sentence: Sentence) -> Bool {
        guard let command = try? Command(parsing: sentence) else { return false }
        return command.path.hasSuffix("/listen") || command["follow"] != nil || command["follow-only"] != nil
    }

    static func writes(_ sentence: Sentence) -> Bool {
        guard let command = try? Command(parsing: sentence), let verb = command.path.split(separator: "/").last else { return false }
        return CommandExecution.writingVerbs.contains(String(verb))
    }
}

/// One logged-in API session on an `EmbeddedChannel`.
struct EmbeddedSession {
    private let channel: EmbeddedChannel

    init(device: RouterDevice, user: MockUser) throws {
        channel = EmbeddedChannel(handler: SessionHandler(device: device))
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 8728)).wait()
        let login = try send(Sentence(["/login", Word("=name=\(user.name)"), Word("=password=\(user.password)")]))
        guard login == [Reply.done()] else { throw LoginRefused(replies: login) }
    }

    struct LoginRefused: Error {
        let replies: [Reply]
    }

    var isOpen: Bool { channel.isActive }

    /// Sends one sentence and returns every reply it caused, once the session is idle again.
    func send(_ sentence: Sentence) throws -> [Reply] {
        guard channel.isActive else { return [] }
        try channel.writeInbound(sentence)
        channel.embeddedEventLoop.run()
        var replies: [Reply] = []
        while let out = try channel.readOutbound(as: Sentence.self) {
            replies.append(try Reply(parsing: out))
        }
        return replies
    }
}

/// Random command sentences shaped by the device's own command tree, with hostile values.
struct SentenceGenerator {
    let schema: RouterSchema
    /// Menu → commands, sorted so a seed always means the same cases.
    private let commands: [(menu: String, verbs: [String])]

    init(schema: RouterSchema) {
        self.schema = schema
        // A reset "reboots" the device (sessions refused for a while): not a command fuzzing can judge.
        commands = schema.menus.keys.sorted().map { menu in
            (menu, schema.menus[menu]!.keys.filter { $0 != "reset-configuration" }.sorted())
        }.filter { !$0.verbs.isEmpty }
    }

    static let values: [String] = [
        "", "0", "1", "-1", "99999999999999999999", "9223372036854775807", "-9223372036854775808", "4294967296",
        "9999999999999:00:00", "1w2d3h4m5s6ms", "1.5s", "1e400", "yes", "no", "true", "bridge", "ether1", "wg-fuzz",
        "*0", "*1", "*FFFFFFFFFFFFFFFFFFFF", "*-1", "*", "192.0.2.1", "192.0.2.1/99999999999999999999", "192.0.2.0/24",
        "2001:db8::1/64", "::/0", "255.255.255.256", "10.0.0.1-10.0.0.0", "fe80::1%ether1", "53,99999999999999999999-1",
        "48:A9:8A:00:00:01", "YGzsr5zuc0QAAYbnNkE2EPD3SYLkxnkcHYj6kMiYjF8=", "a,b,,c", "!LAN", "!", "dynamic,builtin",
        String(repeating: "x", count: 300), "\u{0}", "é\u{202E}", "${X}",
    ]

    func sentence(using generator: inout SeededGenerator) -> Sentence {
        let (menu, verbs) = commands.randomElement(using: &generator)!
        let verb = verbs.randomElement(using: &generator)!
        let arguments = (schema.arguments(of: verb, in: menu) ?? [:]).keys.sorted()
        var words = [Word(Int.random(in: 0..<20, using: &generator) == 0 ? Self.oddPath(menu, using: &generator) : menu + "/" + verb)]
        for _ in 0..<Int.random(in: 0...Int.random(in: 1...6, using: &generator), using: &generator) {
            let name = arguments.isEmpty || Int.random(in: 0..<6, using: &generator) == 0
                ? [".id", "numbers", ".proplist", "value-name", "from", "count-only", "follow", "place-before", "name", "bogus"].randomElement(using: &generator)!
                : arguments.randomElement(using: &generator)!
            words.append(word(for: name, in: menu, using: &generator))
        }
        return Sentence(words)
    }

    private static func oddPath(_ menu: String, using generator: inout SeededGenerator) -> String {
        ["/", "", "//", menu, menu + "/", menu + "/../print", "/login", "/cancel", "/quit", "ip/address/print", "/ip/address/print/print", "/\u{0}"]
            .randomElement(using: &generator)!
    }

    /// Values worth trying for a property of this kind: its edge cases and hostile numbers.
    static func values(for kind: ValueKind?) -> [String] {
        switch kind {
        case .duration?: return ["0", "1s", "25", "9999999999999:00:00", "99999999999999999999", "15250284452w3d7h12m55s808ms", "1d 99:00:00", "1.99999999999999999999s"]
        case .integer?: return ["0", "-1", "65535", "99999999999999999999", "-9223372036854775809", "0013231"]
        case .ipAddress?, .ipPrefix?, .ipMatch?, .scopedAddress?:
            return ["192.0.2.1", "192.0.2.1/99999999999999999999", "192.0.2.1/-1", "2001:db8::/129", "::ffff:1.2.3.4", "10.0.0.9-10.0.0.1", "fe80::1%"]
        case .portList?: return ["99999999999999999999", "1-99999999999999999999", "65536", ",", "-"]
        default: return values
        }
    }

    private func word(for name: String, in menu: String, using generator: inout SeededGenerator) -> Word {
        let kind = MenuCatalog.spec(for: menu)?.properties[name]?.kind
        let value = (Bool.random(using: &generator) ? Self.values(for: kind) : Self.values).randomElement(using: &generator)!
        switch Int.random(in: 0..<10, using: &generator) {
        case 0: return Word("?\(name)")
        case 1: return Word("?-\(name)")
        case 2: return Word(["?=", "?<", "?>"].randomElement(using: &generator)! + "\(name)=\(value)")
        case 3: return Word("?#" + Self.stackOperations(using: &generator))
        case 4: return Word(".tag=" + ["1", "2", "", value].randomElement(using: &generator)!)
        default: return Word("=\(name)=\(value)")
        }
    }

    private static func stackOperations(using generator: inout SeededGenerator) -> String {
        let parts = ["!", "&", "|", ".", "0", "1", "2", "3", "99999999999999999999", "-1", "x"]
        return (0..<Int.random(in: 0...6, using: &generator)).map { _ in parts.randomElement(using: &generator)! }.joined()
    }

    /// `sentence` with one word's bytes mutated (a path, an attribute, a query or a tag).
    func mutated(_ sentence: Sentence, using generator: inout SeededGenerator) -> Sentence {
        var words = sentence.words
        let index = Int.random(in: 0..<words.count, using: &generator)
        words[index] = Word(bytes: Mutator().mutate(words[index].bytes, using: &generator))
        return Sentence(words)
    }
}
