extension RouterOSError {
    /// `summary; suggestion`, or the summary alone when there is nothing to suggest.
    public var description: String {
        suggestion.map { "\(summary); \($0)" } ?? summary
    }

    /// What happened, in one line: the router, the stage or command, and the words that explain it.
    public var summary: String {
        let router = target?.description ?? "the router"
        let because = reason.map { ": \($0)" } ?? ""
        let commandText = command ?? "the command"
        switch code {
        case .connectionRefused: return "connection refused by \(router)"
        case .hostUnreachable: return "\(router) is unreachable (no route to host)"
        case .networkUnreachable: return "\(router) is unreachable from this machine (network unreachable)"
        case .nameNotResolved: return "cannot resolve \(target?.host ?? "the router's name")\(because)"
        case .connectFailed: return "cannot connect to \(router)\(because)"
        case .timedOut:
            let what = stage.map { $0 == .command ? "\($0.waitedFor) \(commandText)" : $0.waitedFor } ?? "did not answer"
            return "\(router) \(what)" + (timeout.map { " within \($0.secondsText)" } ?? "")
        case .handshakeFailed: return "TLS handshake with \(router) failed\(because)"
        case .closedDuringHandshake: return "\(router) closed the connection during the TLS handshake"
        case .certificateUntrusted: return "the certificate of \(router) is not trusted\(because)" + presented
        case .certificateExpired: return "the certificate of \(router) has expired\(because)" + presented
        case .certificateNotYetValid: return "the certificate of \(router) is not yet valid\(because)" + presented
        case .certificateNameMismatch:
            return "the certificate of \(router) is not made for '\(target?.host ?? "the name connected to")'" + presented
        case .fingerprintMismatch:
            return "the certificate of \(router) is not the pinned one: pinned \(pinnedFingerprint?.description ?? "?"), "
                + "the router presented \(presentedFingerprint?.description ?? "?")"
        case .noCertificate: return "\(router) presented no certificate"
        case .tlsFailure: return "TLS with \(router) failed\(because)"
        case .invalidConfiguration: return "TLS set-up\(because)"
        case .loginFailed:
            return "\(router) refused the login" + (user.map { " of user '\($0)'" } ?? "") + because
        case .trap:
            // Several traps answer one command: named once, their reasons in the order they came.
            guard let first = traps.first else { return "router refused \(commandText)" }
            return "router refused \(first.command): " + traps.map(\.reason).joined(separator: "; ")
        case .replyTooLarge: return "\(commandText) returned \(replyLimit?.description ?? "too much"); it was cancelled"
        case .tagInUse: return "cannot send \(commandText)\(because)"
        case .fatal: return "\(router) closed the connection\(because)"
        case .connectionLost: return "connection to \(router) lost while \(commandText) was in flight\(because)"
        default: return "\(code) at \(router)\(because)"
        }
    }

    /// What to try, where something is known to help; in RouterOS's terms, not a program's options.
    public var suggestion: String? {
        switch code {
        case .connectionRefused:
            return "is the API service enabled on that port (api-ssl 8729, api 8728) and allowed from this address? `/ip service print`"
        case .hostUnreachable: return "check the address, and that the router is up and reachable from here"
        case .networkUnreachable: return "check this machine's addresses and routes towards the router"
        case .nameNotResolved: return "check the name, or give the router's address"
        case .timedOut:
            switch stage ?? .command {
            case .connect: return "is the address right, and does a firewall drop the port? `/ip service print` lists the API ports"
            case .tlsHandshake: return "is this the api-ssl port, not the plain api?"
            case .login: return "is this an API port (api-ssl 8729, api 8728)?"
            default: return "it is no longer awaited; the router may or may not have carried it out"
            }
        case .handshakeFailed, .closedDuringHandshake:
            return "is this the api-ssl port, and does its certificate setting (`/ip service print`) match how the router is trusted? "
                + "api-ssl without a certificate offers only anonymous TLS"
        case .certificateUntrusted, .certificateNameMismatch:
            return "trust the CA that signed it, or pin the certificate's fingerprint"
        case .certificateExpired, .certificateNotYetValid:
            return "check the clocks of both ends (`/system clock print`) and the certificate's dates (`/certificate print detail`)"
        case .fingerprintMismatch:
            return "if the router's certificate was replaced on purpose, pin the new fingerprint"
        case .noCertificate:
            return "its api-ssl has no certificate: give it one (`/ip service set api-ssl certificate=…`)"
        default:
            return nil
        }
    }

    /// ` (the router presented SHA256:…)` when the handshake saw a certificate.
    private var presented: String {
        presentedFingerprint.map { " (the router presented \($0))" } ?? ""
    }
}
