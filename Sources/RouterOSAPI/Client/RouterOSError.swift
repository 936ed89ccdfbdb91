/// A `!trap` the router answered a command with.
public struct RouterOSTrap: Hashable, Sendable, CustomStringConvertible {
    /// The category, when the router gave one.
    public var category: TrapCategory?
    /// The router's message, verbatim.
    public var message: String
    /// The command, secrets redacted.
    public var command: String

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
    /// The connection is closed; no command can be sent.
    case notConnected
    /// Connecting (TCP and TLS) took longer than the allowed time.
    case connectTimeout(String)
    /// Connecting failed before TLS started.
    case connectFailed(String)

    public var description: String {
        switch self {
        case .trap(let trap, let more):
            return ([trap] + more).map(\.description).joined(separator: "; ")
        case .loginFailed(let message): return "login failed: \(message)"
        case .fatal(let reason): return "router closed the connection: \(reason)"
        case .connectionLost(let command, let reason): return "connection lost while \(command) was in flight: \(reason)"
        case .notConnected: return "not connected"
        case .connectTimeout(let target): return "timed out connecting to \(target)"
        case .connectFailed(let reason): return "cannot connect: \(reason)"
        }
    }

    /// True when the connection, not the router's judgement, failed the command.
    public var isConnectionFailure: Bool {
        switch self {
        case .connectionLost, .notConnected, .fatal: return true
        case .trap, .loginFailed, .connectTimeout, .connectFailed: return false
        }
    }

    /// The first trap, if this is one.
    public var trap: RouterOSTrap? {
        if case .trap(let trap, _) = self { return trap }
        return nil
    }
}
