/// How to find an entry again without its `.id`: the property values it must print.
///
/// `.id`s are the router's, and change when it restarts or is reset; an undo, a revert script
/// on the router, or a re-run after a crash finds its target by these values instead, and
/// touches nothing that does not match all of them.
public struct EntryMatch: Sendable, Hashable {
    /// A property and the value it must have; nil: the property must not be set (not printed).
    public struct Condition: Sendable, Hashable {
        public var name: String
        public var value: String?

        public init(name: String, value: String?) {
            self.name = name
            self.value = value
        }
    }

    public var conditions: [Condition]

    public init(_ conditions: [Condition]) {
        self.conditions = conditions
    }

    public init(pairs: [(String, String?)]) {
        conditions = pairs.map { Condition(name: $0.0, value: $0.1) }
    }

    /// True when `properties` (as printed) satisfy every condition.
    public func matches(_ properties: [String: String]) -> Bool {
        conditions.allSatisfy { properties[$0.name] == $0.value }
    }

    /// The same conditions plus `more` (later ones win for the same name).
    public func adding(_ more: [Condition]) -> EntryMatch {
        let replaced = Set(more.map(\.name))
        return EntryMatch(conditions.filter { !replaced.contains($0.name) } + more)
    }

    /// `name=value name=value`, for people.
    public var description: String {
        conditions.map { "\($0.name)=\($0.value ?? "(unset)")" }.joined(separator: " ")
    }
}
