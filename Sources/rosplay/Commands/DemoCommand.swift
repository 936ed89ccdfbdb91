import ArgumentParser
import Foundation
import MockRouter
import RouterOSAPI

/// `rosplay demo`: the tool end to end against an in-process MockRouter, no router needed.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Start an in-process MockRouter and show rosplay talking to it over verified TLS."
    )

    func run() async throws {
        let directory = NSTemporaryDirectory() + "rosplay-demo-\(ProcessInfo.processInfo.processIdentifier)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let certificates = CertificateDirectory(path: directory)
        try certificates.ensure()
        let user = MockUser(name: "rosplay", password: "demo-password")
        let server = try await MockRouterServer.start(MockRouterConfiguration(
            tls: .certificate(certificateFile: certificates.certificateFile, keyFile: certificates.keyFile),
            users: [user]))
        let fingerprint = try CertificateFingerprint(pemFile: certificates.certificateFile)
        say("1. MockRouter (RouterOS \(server.device.schema.version)) listens for API-SSL on 127.0.0.1:\(server.apiSSLPort!).")
        say("   Its certificate's fingerprint is \(fingerprint); rosplay pins it, as you would with an RB5009's self-signed certificate.")

        let client = try await RouterOSClient.connect(ConnectionConfiguration(
            host: "127.0.0.1", port: server.apiSSLPort!, security: .tls(.pinned(fingerprint))))
        try await client.login(user: user.name, password: user.password)
        say("2. Connected over \(client.transport) and logged in as \(user.name).")

        let entries = ["192.0.2.10", "192.0.2.11", "192.0.2.12"]
        say("3. Adding \(entries.count) address-list entries with tagged commands in flight together:")
        let ids = try await withThrowingTaskGroup(of: String.self) { group in
            for address in entries {
                group.addTask {
                    try await client.execute(Command("/ip/firewall/address-list/add", ["list": "demo", "address": address])).ret ?? "?"
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        say("   the router answered with ids \(ids.sorted().joined(separator: ", ")).")

        let rows = try await client.execute(Command("/ip/firewall/address-list/print", queries: [.equals("list", "demo")])).rows
        say("4. print ?list=demo returns:")
        for row in rows { say("     \(row)") }

        do {
            _ = try await client.execute(Command("/ip/firewall/address-list/add", ["list": "demo", "address": "192.0.2.13", "colour": "blue"]))
        } catch let error as RouterOSError {
            say("5. A command the router refuses comes back as a !trap naming the command and the router's message:")
            say("     \(error)")
        }
        await client.close()
        try await server.stop()
        say("Done. Playbooks, plan, apply and drift build on this wire layer.")
    }

    private func say(_ line: String) {
        print(line)
    }
}
