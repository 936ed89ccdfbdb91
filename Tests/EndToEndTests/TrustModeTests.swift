#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import MockRouter
import RouterOSAPI
import Testing

/// Every way `rosplay` can trust a router, each succeeding through the real binary, and the
/// `ROSPLAY_*` variables and an IPv6 `--router` that take the place of options.
@Suite(.timeLimit(.minutes(5))) struct TrustModeTests {
    static let environment = ["WG_PRIVATE_KEY": CLIRunner.privateKey, "ROSPLAY_PASSWORD": CLIRunner.password]

    /// A MockRouter presenting a certificate issued now by a CA made now, plain API on too.
    static func withCertificateRouter(_ body: (MockRouterServer, CertificateDirectory) async throws -> Void) async throws {
        let directory = CertificateDirectory(path: NSTemporaryDirectory() + "rosplay-trust-\(UUID().uuidString)")
        try directory.ensure()
        let server = try await MockRouterServer.start(MockRouterConfiguration(
            apiSSLPort: 0, apiPort: 0, tls: .certificate(certificateFile: directory.certificateFile, keyFile: directory.keyFile), users: [CLIRunner.user]))
        defer { try? FileManager.default.removeItem(atPath: directory.path) }
        do {
            try await body(server, directory)
            try await server.stop()
        } catch {
            try? await server.stop()
            throw error
        }
    }

    static func plan(_ router: String, _ trust: [String], environment: [String: String] = Self.environment) async -> CLIRunner.Result {
        await CLIRunner.run(["plan", CLIRunner.fixtures + "/relay.yaml", "--router", router, "--user", CLIRunner.user.name] + trust,
                            environment: environment)
    }

    @Test func caFileVerifiesTheRoutersCertificate() async throws {
        try await Self.withCertificateRouter { server, directory in
            let result = await Self.plan("127.0.0.1:\(server.apiSSLPort!)", ["--ca", directory.caFile])
            #expect(result.status == 0, "\(result.all)")
            #expect(result.stdout.contains("/interface/wireguard"), "\(result.stdout)")
        }
    }

    @Test func aPinnedFingerprintIsAccepted() async throws {
        try await Self.withCertificateRouter { server, directory in
            let fingerprint = try CertificateFingerprint(pemFile: directory.certificateFile)
            let result = await Self.plan("127.0.0.1:\(server.apiSSLPort!)", ["--fingerprint", fingerprint.description])
            #expect(result.status == 0, "\(result.all)")
        }
    }

    @Test func noCertificateTalksToAnApiSSLWithout() async throws {
        let runner = try await CLIRunner.start()
        let result = await Self.plan("127.0.0.1:\(runner.server.apiSSLPort!)", ["--no-certificate"])
        #expect(result.status == 0, "\(result.all)")
        try await runner.stop()
    }

    @Test func plainTalksToThePlainAPI() async throws {
        try await Self.withCertificateRouter { server, _ in
            let result = await Self.plan("127.0.0.1:\(server.apiPort!)", ["--plain"])
            #expect(result.status == 0, "\(result.all)")
        }
    }

    @Test func aCAThatDidNotSignTheCertificateSaysWhatToPass() async throws {
        try await Self.withCertificateRouter { server, directory in
            let other = CertificateDirectory(path: directory.path + "/other")
            try other.ensure()
            let fingerprint = try CertificateFingerprint(pemFile: directory.certificateFile)
            let result = await Self.plan("127.0.0.1:\(server.apiSSLPort!)", ["--ca", other.caFile])
            #expect(result.status == 1)
            #expect(result.stderr.contains("is not trusted"), "\(result.stderr)")
            #expect(result.stderr.contains("it was checked against \(other.caFile)"), "\(result.stderr)")
            #expect(result.stderr.contains("pin it with --fingerprint \(fingerprint)"), "\(result.stderr)")
        }
    }

    @Test func theRouterUserAndPasswordComeFromTheEnvironment() async throws {
        let runner = try await CLIRunner.start()
        let router = "127.0.0.1:\(runner.server.apiSSLPort!)"
        let variables = ["WG_PRIVATE_KEY": CLIRunner.privateKey, "ROSPLAY_ROUTER": router, "ROSPLAY_USER": CLIRunner.user.name,
                         "ROSPLAY_PASSWORD": CLIRunner.password]
        let result = await CLIRunner.run(["plan", CLIRunner.fixtures + "/relay.yaml", "--no-certificate"], environment: variables)
        #expect(result.status == 0, "\(result.all)")
        // Each variable is the one used: another user is refused by name, another password too.
        let otherUser = await CLIRunner.run(["plan", CLIRunner.fixtures + "/relay.yaml", "--no-certificate"],
                                            environment: variables.merging(["ROSPLAY_USER": "nobody"]) { $1 })
        #expect(otherUser.stderr.contains("\(router) refused the login of user 'nobody'"), "\(otherUser.stderr)")
        let otherPassword = await CLIRunner.run(["plan", CLIRunner.fixtures + "/relay.yaml", "--no-certificate"],
                                                environment: variables.merging(["ROSPLAY_PASSWORD": "wrong"]) { $1 })
        #expect(otherPassword.stderr.contains("refused the login of user '\(CLIRunner.user.name)'"), "\(otherPassword.stderr)")
        try await runner.stop()
    }

    /// True when this machine can listen on `::1` (a sandbox may have no IPv6 loopback).
    static let hasIPv6Loopback: Bool = {
        let descriptor = socket(AF_INET6, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var address = sockaddr_in6()
        address.sin6_family = sa_family_t(AF_INET6)
        address.sin6_addr = in6addr_loopback
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in6>.size)) == 0 }
        }
    }()

    @Test(.enabled(if: hasIPv6Loopback, "this machine cannot listen on ::1"))
    func anIPv6RouterInBrackets() async throws {
        let server = try await MockRouterServer.start(MockRouterConfiguration(host: "::1", apiSSLPort: 0, apiPort: nil, tls: .anonymous, users: [CLIRunner.user]))
        let router = "[::1]:\(server.apiSSLPort!)"
        let result = await CLIRunner.run(["drift", CLIRunner.fixtures + "/relay.yaml", "--router", router, "--user", CLIRunner.user.name,
                                          "--no-certificate", "--json"], environment: Self.environment)
        #expect(result.status == 2, "\(result.all)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.all)")
        #expect((document["target"] as? [String: Any])?["router"] as? String == router, "\(document)")
        try await server.stop()
    }
}
