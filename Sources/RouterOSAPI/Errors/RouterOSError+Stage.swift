extension RouterOSError {
    /// Where in the life of a connection something failed. A struct with static members, so
    /// that stages can be added without breaking a `switch` elsewhere.
    public struct Stage: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case connect = "connect"
            case tlsHandshake = "TLS handshake"
            case login = "login"
            case command = "command"
        }

        private let base: Base

        private init(_ base: Base) {
            self.base = base
        }

        public var description: String { base.rawValue }

        /// Opening the TCP connection.
        public static let connect = Stage(.connect)
        /// The TLS handshake, once TCP is up (and setting up TLS for it).
        public static let tlsHandshake = Stage(.tlsHandshake)
        /// `/login` and its answer.
        public static let login = Stage(.login)
        /// A command after login (or a stream).
        public static let command = Stage(.command)

        /// What the router failed to do when it timed out at this stage.
        var waitedFor: String {
            switch base {
            case .connect: return "did not accept the TCP connection"
            case .tlsHandshake: return "did not complete the TLS handshake"
            case .login: return "did not answer the login"
            case .command: return "did not finish"
            }
        }
    }
}
