import ArgumentParser
import Foundation
import Playbook
import RouterOSAPI

/// Where the router is and how to trust it: shared by every command that talks to one.
struct ConnectionOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Router as HOST or HOST:PORT (default port 8729, or 8728 with --plain). Also ROSPLAY_ROUTER.", valueName: "host[:port]"))
    var router: String?

    @Option(help: "API user. Also ROSPLAY_USER. Default: admin.")
    var user: String?

    @Option(name: .customLong("password-file"), help: "File whose first line is the password. Also ROSPLAY_PASSWORD.")
    var passwordFile: String?

    @Option(help: "Verify the router's certificate against this CA file (PEM).")
    var ca: String?

    @Option(help: ArgumentHelp("Accept exactly the router certificate with this SHA-256 fingerprint.", valueName: "SHA256:HEX"))
    var fingerprint: String?

    @Flag(name: .customLong("no-certificate"), help: "Anonymous Diffie-Hellman TLS, for api-ssl without a certificate: encrypted, but the router is not authenticated.")
    var noCertificate = false

    @Flag(help: "Plain API (8728): the password travels unencrypted.")
    var plain = false

    func validate() throws {
        let modes = [ca != nil, fingerprint != nil, noCertificate, plain].filter { $0 }.count
        guard modes <= 1 else {
            throw ValidationError("give at most one of --ca, --fingerprint, --no-certificate, --plain")
        }
        if let fingerprint, CertificateFingerprint(parsing: fingerprint) == nil {
            throw ValidationError("--fingerprint: '\(fingerprint)' is not SHA256: followed by 64 hex digits")
        }
        _ = try endpoint()
    }

    /// How to protect the connection; a certificate checked against the system's CAs by default.
    var security: ConnectionConfiguration.Security {
        if plain { return .plain }
        if noCertificate { return .tls(.anonymousClient) }
        if let fingerprint, let pin = CertificateFingerprint(parsing: fingerprint) { return .tls(.pinned(pin)) }
        return .tls(.verify(caFile: ca))
    }

    /// Host and port from `--router` or `ROSPLAY_ROUTER`.
    func endpoint() throws -> (host: String, port: Int?) {
        guard let text = router ?? ProcessInfo.processInfo.environment["ROSPLAY_ROUTER"], !text.isEmpty else {
            throw ValidationError("no router: give --router HOST[:PORT] or set ROSPLAY_ROUTER")
        }
        return try Self.parseEndpoint(text)
    }

    /// `host`, `host:port`, `[v6]:port` or a bare IPv6 address.
    static func parseEndpoint(_ text: String) throws -> (host: String, port: Int?) {
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            let host = String(text[text.index(after: text.startIndex)..<close])
            let rest = text[text.index(after: close)...]
            guard rest.isEmpty || rest.hasPrefix(":") else { throw ValidationError("--router: cannot read '\(text)'") }
            return (host, rest.isEmpty ? nil : try port(String(rest.dropFirst()), in: text))
        }
        let colons = text.filter { $0 == ":" }.count
        guard colons == 1, let colon = text.firstIndex(of: ":") else { return (text, nil) }
        return (String(text[..<colon]), try port(String(text[text.index(after: colon)...]), in: text))
    }

    private static func port(_ text: String, in whole: String) throws -> Int {
        guard let port = Int(text), (1...65535).contains(port) else {
            throw ValidationError("--router: '\(whole)' has no valid port")
        }
        return port
    }

    var userName: String {
        user ?? ProcessInfo.processInfo.environment["ROSPLAY_USER"] ?? "admin"
    }

    func password() throws -> String {
        if let passwordFile { return try SecretFile.firstLine(passwordFile) }
        return ProcessInfo.processInfo.environment["ROSPLAY_PASSWORD"] ?? ""
    }

    /// Connects and logs in.
    func connect() async throws -> RouterOSClient {
        let (host, port) = try endpoint()
        let client = try await RouterOSClient.connect(ConnectionConfiguration(host: host, port: port, security: security))
        do {
            try await client.login(user: userName, password: try password())
        } catch {
            await client.close()
            throw error
        }
        return client
    }
}
