import ArgumentParser
import RouterModel
import RouterOSAPI

/// `rosplay call`: one raw API command, for looking around a router.
struct CallCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "call",
        abstract: "Send one raw API command and print the replies.",
        discussion: """
        Words are given as on the wire: `rosplay call /ip/address/print ?interface=bridge =.proplist=address`.
        Secrets in the replies (and the value a `get` returns of a secret) are printed as (sensitive).

        Exit status: \(ExitStatus.call).
        Example: rosplay call /ip/address/print '?interface=bridge' --router 192.0.2.1 --fingerprint SHA256:…
        """
    )

    @OptionGroup var connection: ConnectionOptions

    @Argument(help: "The command path, such as /ip/address/print.")
    var path: String

    @Argument(help: "Attribute words (=name=value) and query words (?name=value).")
    var words: [String] = []

    func run() async throws {
        var command = try Command(parsing: Sentence([Word(path)] + words.map { Word($0) }))
        let menu = Self.menu(of: command.path)
        // The command may be printed in an error: its secret arguments print as (sensitive).
        command.sensitive = Set(command.attributes.map(\.name).filter { SecretRule.isSecret(property: $0, in: menu) })
        let client = try await connection.connect()
        SignalHandling.mayChange("after \(command.path) was sent: it may have run on the router")
        let response: Response
        do {
            response = try await client.execute(command)
        } catch {
            await client.close()
            throw error
        }
        await client.close()
        for row in response.rows {
            let hidden = Set(row.attributes.map(\.name).filter { SecretRule.isSecret(property: $0, in: menu) })
            print(row.attributes.map { $0.description(hiding: hidden) }.joined(separator: " "))
        }
        if let ret = response.ret {
            let secret = command.path.hasSuffix("/get") && command["value-name"].map { SecretRule.isSecret(property: $0, in: menu) } == true
            print("ret=\(secret ? Redaction.placeholder : ret)")
        }
    }

    /// The menu a command path acts on: `/interface/wireguard/get` acts on `/interface/wireguard`.
    static func menu(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }
}
