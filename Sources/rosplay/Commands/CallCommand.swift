import ArgumentParser
import RouterOSAPI

/// `rosplay call`: one raw API command, for looking around a router.
struct CallCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "call",
        abstract: "Send one raw API command and print the replies.",
        discussion: """
        Words are given as on the wire: `rosplay call /ip/address/print ?interface=bridge =.proplist=address`.
        Secrets in the replies are printed as (sensitive).
        """
    )

    @OptionGroup var connection: ConnectionOptions

    @Argument(help: "The command path, such as /ip/address/print.")
    var path: String

    @Argument(help: "Attribute words (=name=value) and query words (?name=value).")
    var words: [String] = []

    func run() async throws {
        let command = try Command(parsing: Sentence([Word(path)] + words.map { Word($0) }))
        let client = try await connection.connect()
        let response: Response
        do {
            response = try await client.execute(command)
        } catch {
            await client.close()
            throw error
        }
        await client.close()
        for row in response.rows {
            print(row.description)
        }
        if let ret = response.ret {
            print("ret=\(ret)")
        }
    }
}
