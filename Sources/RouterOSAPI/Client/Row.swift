/// One `!re` item: the properties the router printed for it.
public struct Row: Hashable, Sendable, CustomStringConvertible {
    public var attributes: [Attribute]

    public init(_ attributes: [Attribute]) {
        self.attributes = attributes
    }

    /// The value of `name`, or nil when the router did not print it.
    public subscript(name: String) -> String? {
        attributes[name]
    }

    /// Name → value, the last occurrence winning.
    public var dictionary: [String: String] {
        Dictionary(attributes.map { ($0.name, $0.value.string) }, uniquingKeysWith: { $1 })
    }

    public var description: String {
        attributes.map(\.description).joined(separator: " ")
    }
}

/// What a finished command returned.
public struct Response: Hashable, Sendable {
    /// The `!re` items, in the order they arrived.
    public var rows: [Row]
    /// The closing `!done`.
    public var done: Reply

    public init(rows: [Row], done: Reply) {
        self.rows = rows
        self.done = done
    }

    /// The `=ret=` of `!done`: the new `.id` after `add`, the count after `print count-only`, the value after `get`.
    public var ret: String? { done["ret"] }
}
