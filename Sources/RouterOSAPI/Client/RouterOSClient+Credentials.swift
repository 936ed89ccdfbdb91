extension RouterOSClient.Configuration {
    /// Who logs in. The password never prints.
    public struct Credentials: Hashable, Sendable, CustomStringConvertible {
        /// The RouterOS user name.
        public var user: String
        /// Sent only on the wire, in `/login`.
        public var password: String

        public init(user: String, password: String) {
            self.user = user
            self.password = password
        }

        public var description: String { "\(user) (password \(Redaction.placeholder))" }
    }
}
