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
