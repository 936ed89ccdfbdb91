import MockRouter
import Testing

/// librouteros and RouterOS-api from PyPI log in and add/print/set/remove against MockRouter,
/// as they would against a RouterOS v7 router. They fail if the mock speaks the protocol wrong.
@Suite(.serialized, .timeLimit(.minutes(15))) struct InteropTests {
    static let clients = ["librouteros_check", "routeros_api_check"]

    func expectPasses(_ script: String, _ arguments: [String]) async throws {
        let (status, output) = try await PythonInterop.check(script, arguments + ["--user", TestRouter.user.name, "--password", TestRouter.user.password])
        #expect(status == 0, "\(script) \(arguments.joined(separator: " ")):\n\(output)")
        #expect(output.contains("all steps passed"), "\(output)")
    }

    @Test(arguments: clients)
    func verifiedTLS(client: String) async throws {
        try await withRouter { router in
            for host in ["localhost", "127.0.0.1"] {
                try await expectPasses(client, ["--host", host, "--port", "\(router.server.apiSSLPort!)", "--mode", "verify", "--cafile", TestCertificates.shared.caFile])
            }
        }
    }

    @Test(arguments: clients)
    func anonymousDiffieHellman(client: String) async throws {
        try await withRouter(tls: .anonymous) { router in
            try await expectPasses(client, ["--host", "127.0.0.1", "--port", "\(router.server.apiSSLPort!)", "--mode", "anonymous"])
        }
    }

    @Test(arguments: clients)
    func plainAPI(client: String) async throws {
        try await withRouter { router in
            try await expectPasses(client, ["--host", "127.0.0.1", "--port", "\(router.server.apiPort!)", "--mode", "plain"])
        }
    }

    @Test func verifiedTLSRefusesAnUntrustedRouter() async throws {
        let otherCA = try TestCertificates.shared.unrelatedCA()
        try await withRouter { router in
            for client in Self.clients {
                let (status, output) = try await PythonInterop.check(client, [
                    "--host", "localhost", "--port", "\(router.server.apiSSLPort!)", "--mode", "verify", "--cafile", otherCA,
                    "--user", TestRouter.user.name, "--password", TestRouter.user.password,
                ])
                #expect(status != 0, "\(client) accepted a certificate from an unrelated CA")
                #expect(output.contains("certificate verify failed"), "\(client):\n\(output)")
            }
        }
    }
}
