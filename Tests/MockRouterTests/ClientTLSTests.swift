import NIOPosix
import MockRouter
import RouterOSAPI
import Testing

/// The client against MockRouter over real TLS (OpenSSL on both ends), in every mode.
@Suite(.timeLimit(.minutes(5))) struct ClientTLSTests {
    func loginAndPrint(_ client: RouterOSClient) async throws {
        try await client.login(user: TestRouter.user.name, password: TestRouter.user.password)
        let response = try await client.execute(Command("/system/identity/print"))
        #expect(response.rows.count == 1)
        await client.close()
    }

    @Test(arguments: ["localhost", "127.0.0.1"])
    func verifiedCertificateByNameAndAddress(host: String) async throws {
        try await withRouter { router in
            let client = try await router.connect(.verify(caFile: TestCertificates.shared.caFile), host: host)
            #expect(client.transport.hasPrefix("TLSv1."))
            try await loginAndPrint(client)
        }
    }

    @Test func pinnedFingerprint() async throws {
        try await withRouter { router in
            let client = try await router.connect(.pinned(TestCertificates.shared.fingerprint), host: "127.0.0.1")
            try await loginAndPrint(client)
        }
    }

    @Test func wrongPinIsRefused() async throws {
        let wrong = CertificateFingerprint(bytes: [UInt8](repeating: 0x42, count: 32))!
        try await withRouter { router in
            await #expect {
                try await router.connect(.pinned(wrong))
            } throws: { error in
                isRouterError(error, .fingerprintMismatch) { error in
                    error.pinnedFingerprint == wrong && error.presentedFingerprint == TestCertificates.shared.fingerprint
                        && "\(error)".contains("pinned \(wrong), the router presented \(TestCertificates.shared.fingerprint)")
                }
            }
        }
    }

    @Test func wrongCAIsRefused() async throws {
        let otherCA = try TestCertificates.shared.unrelatedCA()
        try await withRouter { router in
            await #expect {
                try await router.connect(.verify(caFile: otherCA))
            } throws: { error in
                // The failed handshake still names the certificate, so that it can be pinned.
                isRouterError(error, .certificateUntrusted) { error in
                    error.stage == .tlsHandshake && error.presentedFingerprint == TestCertificates.shared.fingerprint
                        && "\(error)".contains("(the router presented \(TestCertificates.shared.fingerprint))")
                }
            }
        }
    }

    @Test func expiredCertificateIsNamedAsSuch() async throws {
        let expired = try TestCertificates.shared.makeServer(names: ["localhost"], notBefore: -7200, notAfter: -3600)
        try await withRouter(tls: .certificate(certificateFile: expired.certificate, keyFile: expired.key)) { router in
            await #expect {
                try await router.connect(.verify(caFile: expired.ca))
            } throws: { error in
                isRouterError(error, .certificateExpired) { "\($0)".contains("has expired") }
            }
        }
    }

    @Test func certificateForAnotherNameIsRefused() async throws {
        let other = try TestCertificates.shared.makeServer(names: ["router.example.net"])
        try await withRouter(tls: .certificate(certificateFile: other.certificate, keyFile: other.key)) { router in
            for host in ["localhost", "127.0.0.1"] {
                await #expect {
                    try await router.connect(.verify(caFile: other.ca), host: host)
                } throws: { error in
                    isRouterError(error, .certificateNameMismatch) { "\($0)".contains("is not made for '\(host)'") }
                }
            }
        }
    }

    @Test func anonymousDiffieHellman() async throws {
        try await withRouter(tls: .anonymous) { router in
            let client = try await router.connect(.anonymous, host: "127.0.0.1")
            #expect(client.transport.hasPrefix("TLSv1.2 ADH-"))
            try await loginAndPrint(client)
        }
    }

    @Test func anonymousIsNotAcceptedWhereACertificateIsExpected() async throws {
        try await withRouter(tls: .anonymous) { router in
            await #expect {
                try await router.connect(.verify(caFile: TestCertificates.shared.caFile))
            } throws: { ($0 as? RouterOSError)?.stage == .tlsHandshake }
            await #expect {
                try await router.connect(.pinned(TestCertificates.shared.fingerprint))
            } throws: { ($0 as? RouterOSError)?.stage == .tlsHandshake }
        }
    }

    @Test func anonymousClientCannotTalkToACertificateOnlyRouter() async throws {
        try await withRouter { router in
            await #expect {
                try await router.connect(.anonymous)
            } throws: { ($0 as? RouterOSError)?.stage == .tlsHandshake }
        }
    }

    @Test func plainAPI() async throws {
        try await withRouter { router in
            let client = try await router.connectPlain()
            #expect(client.transport == "plain")
            try await loginAndPrint(client)
        }
    }

    @Test func aHandlerTheRouterClosedOnBeforeItJoinedThePipelineFailsItsHandshake() async throws {
        // The router closed the connection at accept; the client's pipeline refused the handler.
        // Whoever waits for the handshake gets an error, not a leaked promise (a crash in debug).
        var handler: OpenSSLHandler? = try OpenSSLHandler(trust: .anonymous, on: MultiThreadedEventLoopGroup.singleton.next())
        let result = handler!.handshakeResult
        handler = nil
        // Bounded: a leaked promise would never answer.
        let outcome = try await withThrowingTaskGroup(of: String.self) { group in
            group.addTask {
                do { _ = try await result.get(); return "succeeded" } catch { return "\(error)" }
            }
            group.addTask {
                try await Task.sleep(for: .seconds(10))
                return "no answer"
            }
            defer { group.cancelAll() }
            return try await group.next() ?? "no answer"
        }
        #expect(outcome == "\(RouterOSError(.closedDuringHandshake, stage: .tlsHandshake))")
    }

    @Test func tlsClientOnThePlainPortFailsInTheHandshake() async throws {
        // The plain API reads the ClientHello as word lengths, so what it does depends on the
        // hello's random bytes: it waits for a "word" that never ends (the connect timeout ends
        // the handshake), closes on a control byte, or answers a "sentence" with `!fatal`, which
        // is no TLS record. Each way the client says the handshake failed.
        try await withRouter { router in
            let port = router.server.apiPort!
            await #expect {
                try await RouterOSClient.connect(.init(host: "127.0.0.1", port: port, tls: .anonymous, handshakeTimeout: .seconds(1)))
            } throws: { error in
                guard let error = error as? RouterOSError, error.target == RouterAddress(host: "127.0.0.1", port: port) else { return false }
                switch error.code {
                case .timedOut: return error.stage == .tlsHandshake
                case .closedDuringHandshake: return true
                // OpenSSL's reason alone, without its error codes and library names.
                case .handshakeFailed: return error.reason == "the other end does not speak TLS (wrong version number)" && !"\(error)".contains("SSL routines")
                default: return false
                }
            }
        }
    }
}

/// A router that closes every connection at once, before or during the handshake.
@Suite(.timeLimit(.minutes(5))) struct ClientTLSRefusedSessionTests {
    @Test func aRouterThatClosesAtOnceFailsTheHandshakeEveryTime() async throws {
        try await withRouter(faults: FaultInjection(maxSessions: 0)) { router in
            for _ in 0..<40 {
                await #expect {
                    try await router.connect(.pinned(TestCertificates.shared.fingerprint), host: "127.0.0.1")
                } throws: { isRouterError($0, .closedDuringHandshake) }
            }
        }
    }
}
