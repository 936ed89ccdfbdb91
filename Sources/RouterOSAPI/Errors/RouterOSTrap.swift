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

    /// The router's message with its category: `no such item (category 0: missing item or command)`.
    public var reason: String {
        message + (category.map { " (category \($0.rawValue): \($0))" } ?? "")
    }

    public var description: String {
        "router refused \(command): \(reason)"
    }
}
