/// A `!trap` the router answered a command with.
public struct RouterOSTrap: Hashable, Sendable, CustomStringConvertible {
    /// The category, when the router gave one.
    public var category: TrapCategory?
    /// The router's message, verbatim.
    public var message: String
    /// The command, secrets redacted.
    public var command: String

    public init(category: TrapCategory?, message: String, command: String) {
        self.category = category
        self.message = message
        self.command = command
    }

    public var description: String {
        let category = category.map { " (category \($0.rawValue): \($0))" } ?? ""
        return "router refused \(command): \(message)\(category)"
    }
}

/// Why a command or a connection failed.
public enum RouterOSError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The router answered with one or more `!trap`s; the first is the cause.
    case trap(RouterOSTrap, more: [RouterOSTrap])
    /// Login was refused.
    case loginFailed(String)
    /// The router sent `!fatal` and closed the connection.
    case fatal(String)
    /// The connection closed (or failed) while the command was in flight.
    case connectionLost(command: String, reason: String)
    /// The router did not answer in time at `stage`. For a command, it is no longer awaited, and
    /// the router may or may not have carried it out.
    case timedOut(TimeoutStage, target: String, after: Duration)
    /// The command was not sent: its tag was still in use by a command in flight (a client defect).
    case tagInUse(command: String, tag: String)
    /// Connecting failed before TLS started.
    case connectFailed(String)
    /// The reply went past a ``ReplyLimits`` bound: the command was cancelled and what it had
    /// returned dropped; the connection stays usable.
    case replyTooLarge(command: String, limit: ReplyLimit)

    public var description: String {
        switch self {
        case .trap(let trap, let more):
            return ([trap] + more).map(\.description).joined(separator: "; ")
        case .loginFailed(let message): return "login failed: \(message)"
        case .fatal(let reason): return "router closed the connection: \(reason)"
        case .connectionLost(let command, let reason): return "connection lost while \(command) was in flight: \(reason)"
        case .timedOut(let stage, let target, let after): return "\(target) \(stage.waitedFor) within \(after.secondsText)"
        case .tagInUse(let command, let tag): return "cannot send \(command): tag \(tag) is already in flight"
        case .connectFailed(let reason): return "cannot connect: \(reason)"
        case .replyTooLarge(let command, let limit): return "\(command) returned \(limit); it was cancelled"
        }
    }

    /// True when the connection, not the router's judgement, failed the command: the router may
    /// or may not have carried it out.
    public var isConnectionFailure: Bool {
        switch self {
        case .connectionLost, .fatal: return true
        case .timedOut(let stage, _, _): return stage.isCommand
        case .trap, .loginFailed, .connectFailed, .tagInUse, .replyTooLarge: return false
        }
    }

    /// The first trap, if this is one.
    public var trap: RouterOSTrap? {
        if case .trap(let trap, _) = self { return trap }
        return nil
    }
}

/// Where a router stopped answering.
public enum TimeoutStage: Hashable, Sendable {
    /// The TCP connection was not accepted.
    case connect
    /// The TLS handshake did not complete.
    case tlsHandshake
    /// `/login` was not answered.
    case login
    /// A command (secrets redacted) got no `!done`.
    case command(String)

    var waitedFor: String {
        switch self {
        case .connect: return "did not accept the TCP connection"
        case .tlsHandshake: return "did not complete the TLS handshake"
        case .login: return "did not answer the login"
        case .command(let command): return "did not finish \(command)"
        }
    }

    var isCommand: Bool {
        if case .command = self { return true }
        return false
    }
}
