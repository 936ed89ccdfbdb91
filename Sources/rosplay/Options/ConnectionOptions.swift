import ArgumentParser
import Foundation
import Playbook
import RouterOSAPI

/// Where the router is and how to trust it: shared by every command that talks to one.
struct ConnectionOptions: ParsableArguments {
    @Option(help: ArgumentHelp("""
        Router as HOST or HOST:PORT (default port 8729, or 8728 with --plain). Also ROSPLAY_ROUTER. \
        Example: --router 192.0.2.1, --router router.lan:8729, --router [2001:db8::1]:8729.
        """, valueName: "host[:port]"))
    var router: String?

    @Option(help: "API user. Also ROSPLAY_USER. Default: admin.")
    var user: String?

    @Option(name: .customLong("password-file"), help: ArgumentHelp("""
        File whose first line is the password. Also ROSPLAY_PASSWORD; with neither, it is asked for on a terminal. \
        Example: --password-file ~/.rosplay-pw
        """, valueName: "file"))
    var passwordFile: String?

    @Option(help: ArgumentHelp("""
        Verify the router's certificate, and that it is made for the --router address, against this CA file (PEM). \
        Example: --ca /etc/rosplay/router-ca.pem (rosplay help trust).
        """, valueName: "file"))
    var ca: String?

    @Option(help: ArgumentHelp("""
        Accept exactly the router certificate with this SHA-256 fingerprint: 64 hex digits, colons between bytes \
        allowed. Example: --fingerprint SHA256:9F86D081…B0F00A08 (rosplay help trust says how to get it).
        """, valueName: "SHA256:HEX"))
    var fingerprint: String?

    @Flag(name: .customLong("no-certificate"), help: "Anonymous Diffie-Hellman TLS, for api-ssl without a certificate: encrypted, but the router is not authenticated.")
    var noCertificate = false

    @Flag(help: "Plain API (8728): the password travels unencrypted.")
    var plain = false

    @Option(help: ArgumentHelp("""
        The longest to wait for the router at any one stage: the TCP connection, the TLS handshake, \
        the login, and each command. Defaults: 10s to connect, 10s for the handshake, 10s for the login, \
        60s per command. Example: --timeout 30s (also 500ms, 2m, or plain seconds).
        """, valueName: "duration"))
    var timeout: String?

    @Option(name: .customLong("reconnect-within"), help: ArgumentHelp("""
        After the connection is lost mid-apply, how long to keep trying (with backoff from 0.25s to 8s) \
        to reconnect and undo; no attempt's connect, handshake or login waits past it. Default: 60s. Example: --reconnect-within 5m
        """, valueName: "duration"))
    var reconnectWithin: String?

    func validate() throws {
        let modes = [ca != nil, fingerprint != nil, noCertificate, plain].filter { $0 }.count
        guard modes <= 1 else {
            throw ValidationError("give at most one of --ca, --fingerprint, --no-certificate, --plain")
        }
        if let fingerprint, CertificateFingerprint(parsing: fingerprint) == nil {
            throw ValidationError("--fingerprint: '\(fingerprint)' is not SHA256: followed by 64 hex digits")
        }
        _ = try endpoint()
        for (option, path) in [("--ca", ca), ("--password-file", passwordFile)] {
            guard let path else { continue }
            do { _ = try TextFile.read(path) } catch { throw ValidationError("\(option): \(error)") }
        }
        _ = try Self.duration(timeout, option: "--timeout")
        _ = try Self.duration(reconnectWithin, option: "--reconnect-within")
    }

    /// `30`, `30s`, `500ms`, `2m`, `1h` as a duration; nil when not given.
    static func duration(_ text: String?, option: String) throws -> Duration? {
        guard let text else { return nil }
        let units: [(String, Int64)] = [("ms", 1), ("s", 1000), ("m", 60_000), ("h", 3_600_000)]
        let unit = units.first { text.hasSuffix($0.0) && Int64(text.dropLast($0.0.count)) != nil }
        let number = unit.map { String(text.dropLast($0.0.count)) } ?? text
        guard let value = Int64(number), value > 0, value <= 86_400_000 / (unit?.1 ?? 1000) else {
            throw ValidationError("\(option): '\(text)' is not a duration such as 30s, 500ms or 2m (at most 24h)")
        }
        return .milliseconds(value * (unit?.1 ?? 1000))
    }

    /// How long to keep trying to reconnect to undo.
    var reconnectDeadline: Duration {
        (try? Self.duration(reconnectWithin, option: "")) ?? nil ?? .seconds(60)
    }

    /// How to protect the connection; a certificate checked against the system's CAs by default.
    var tls: RouterOSClient.Configuration.TLS {
        if plain { return .plain }
        if noCertificate { return .anonymous }
        if let fingerprint, let pin = CertificateFingerprint(parsing: fingerprint) { return .pinned(pin) }
        return .verify(caFile: ca)
    }

    /// Host and port from `--router` or `ROSPLAY_ROUTER`.
    func endpoint() throws -> (host: String, port: Int?) {
        guard let text = router ?? ProcessInfo.processInfo.environment["ROSPLAY_ROUTER"], !text.isEmpty else {
            throw ValidationError("no router: give --router HOST[:PORT] or set ROSPLAY_ROUTER")
        }
        return try Self.parseEndpoint(text)
    }

    /// `host:port` as the reports name the router.
    func endpointText() throws -> String {
        let (host, port) = try endpoint()
        return RouterAddress(host: host, port: port ?? tls.defaultPort).description
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

    /// From `--password-file`, else `ROSPLAY_PASSWORD`, else asked for on the terminal (not
    /// echoed); nil without a terminal: none was given (RouterOS's default admin has none).
    func password() throws -> String? {
        if let passwordFile { return try SecretFile.firstLine(passwordFile) }
        if let password = ProcessInfo.processInfo.environment["ROSPLAY_PASSWORD"] { return password }
        guard isatty(STDIN_FILENO) == 1, let typed = getpass("Password for \(userName) at \((try? endpointText()) ?? "the router"): ") else { return nil }
        return String(cString: typed)
    }

    /// Connects and logs in; with `deadline`, no stage (connect, handshake, login) waits past it.
    func connect(by deadline: ContinuousClock.Instant? = nil) async throws -> RouterOSClient {
        let (host, port) = try endpoint()
        var configuration = RouterOSClient.Configuration(host: host, port: port, tls: tls, deadline: deadline)
        if let limit = try Self.duration(timeout, option: "--timeout") {
            configuration.connectTimeout = limit
            configuration.handshakeTimeout = limit
            configuration.loginTimeout = limit
            configuration.commandTimeout = limit
        }
        let hints = ConnectionHints(options: self, host: host, port: port)
        let client: RouterOSClient
        do {
            client = try await RouterOSClient.connect(configuration)
        } catch {
            throw await hints.explain(error)
        }
        let password = try password()
        do {
            try await client.login(user: userName, password: password ?? "")
        } catch {
            await client.close()
            throw await hints.explain(error, passwordGiven: password != nil)
        }
        return client
    }
}
