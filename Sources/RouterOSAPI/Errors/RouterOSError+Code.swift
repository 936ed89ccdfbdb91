extension RouterOSError {
    /// What went wrong, as a value to compare: `error.code == .connectionRefused`.
    ///
    /// A struct with static members rather than an enum, so that codes can be added without
    /// breaking a `switch` elsewhere.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case connectionRefused = "connection refused"
            case hostUnreachable = "host unreachable"
            case networkUnreachable = "network unreachable"
            case nameNotResolved = "name not resolved"
            case connectFailed = "connect failed"
            case timedOut = "timed out"
            case handshakeFailed = "TLS handshake failed"
            case closedDuringHandshake = "closed during the TLS handshake"
            case certificateUntrusted = "certificate not trusted"
            case certificateExpired = "certificate expired"
            case certificateNotYetValid = "certificate not yet valid"
            case certificateNameMismatch = "certificate for another name"
            case fingerprintMismatch = "fingerprint mismatch"
            case noCertificate = "no certificate"
            case tlsFailure = "TLS failure"
            case invalidConfiguration = "invalid configuration"
            case loginFailed = "login failed"
            case trap = "trap"
            case replyTooLarge = "reply too large"
            case tagInUse = "tag in use"
            case fatal = "fatal"
            case connectionLost = "connection lost"
        }

        private let base: Base

        private init(_ base: Base) {
            self.base = base
        }

        public var description: String { base.rawValue }

        // MARK: Connecting

        /// Nothing listens on the router's port (`ECONNREFUSED`).
        public static let connectionRefused = Code(.connectionRefused)
        /// No route to the router's address (`EHOSTUNREACH`).
        public static let hostUnreachable = Code(.hostUnreachable)
        /// This machine has no route to the router's network (`ENETUNREACH`).
        public static let networkUnreachable = Code(.networkUnreachable)
        /// The router's name did not resolve to an address.
        public static let nameNotResolved = Code(.nameNotResolved)
        /// Connecting failed for another reason, given in ``RouterOSError/reason``.
        public static let connectFailed = Code(.connectFailed)
        /// The router did not answer within ``RouterOSError/timeout`` at ``RouterOSError/stage``.
        /// For a command, it is no longer awaited, and the router may or may not have carried it out.
        public static let timedOut = Code(.timedOut)

        // MARK: TLS

        /// The TLS handshake failed for a reason other than the certificate (no mode in common,
        /// not TLS at all); ``RouterOSError/reason`` says which.
        public static let handshakeFailed = Code(.handshakeFailed)
        /// The router closed the connection before the TLS handshake finished.
        public static let closedDuringHandshake = Code(.closedDuringHandshake)
        /// The router's certificate does not chain to a trusted CA.
        public static let certificateUntrusted = Code(.certificateUntrusted)
        /// The router's certificate is past its end date.
        public static let certificateExpired = Code(.certificateExpired)
        /// The router's certificate is not valid yet (a clock is wrong).
        public static let certificateNotYetValid = Code(.certificateNotYetValid)
        /// The router's certificate names neither the host nor the address connected to.
        public static let certificateNameMismatch = Code(.certificateNameMismatch)
        /// The router's certificate is not the pinned one.
        public static let fingerprintMismatch = Code(.fingerprintMismatch)
        /// The router presented no certificate where one was required.
        public static let noCertificate = Code(.noCertificate)
        /// TLS failed after the handshake (a record that does not decrypt, an alert).
        public static let tlsFailure = Code(.tlsFailure)
        /// The local TLS set-up is wrong: a file that cannot be read, a key that does not match.
        public static let invalidConfiguration = Code(.invalidConfiguration)

        // MARK: Login and commands

        /// The router refused the login; ``RouterOSError/reason`` has its message.
        public static let loginFailed = Code(.loginFailed)
        /// The router answered the command with one or more `!trap`s (``RouterOSError/traps``).
        public static let trap = Code(.trap)
        /// The reply went past a ``ReplyLimits`` bound: the command was cancelled and what it
        /// had returned dropped; the connection stays usable.
        public static let replyTooLarge = Code(.replyTooLarge)
        /// The command was not sent: its tag was still held by a command in flight (a client defect).
        public static let tagInUse = Code(.tagInUse)

        // MARK: The connection

        /// The router sent `!fatal` and closed the connection; ``RouterOSError/reason`` has its words.
        public static let fatal = Code(.fatal)
        /// The connection closed or failed while the command was in flight; ``RouterOSError/reason``
        /// says how (and ``RouterOSError/underlying`` holds a protocol or TLS error that caused it).
        public static let connectionLost = Code(.connectionLost)
    }
}
