extension RouterOSClient.Configuration {
    /// Who logs in. The password never prints.
    public struct Credentials: Hashable, Sendable, CustomStringConvertible {
        public var user: String
        public var password: String

        public init(user: String, password: String) {
            self.user = user
            self.password = password
        }

        public var description: String { "\(user) (password \(Redaction.placeholder))" }
    }
}
