import OrderedCollections

/// One item of a menu: its internal number and its properties as RouterOS prints them.
struct Entry: Hashable, Sendable, Codable {
    /// The number behind `.id` (`*1F` is 0x1F).
    let number: Int
    /// Property name → printed value, in print order. Unset properties are absent.
    var properties: OrderedDictionary<String, String>

    /// `*` followed by the number in upper-case hex, as RouterOS prints `.id`.
    var id: String { EntryID.format(number) }

    /// The value of `name`, `.id` included.
    subscript(name: String) -> String? {
        name == ".id" ? id : properties[name]
    }

    /// The flags of entries RouterOS made itself (dynamic) or ships with (builtin, default).
    /// Such entries cannot be removed, and `copy-from` does not copy the flags.
    static let protectionFlags = ["dynamic", "builtin", "default"]

    /// True when one of the ``protectionFlags`` is set: the entry cannot be removed.
    var isProtected: Bool {
        Self.protectionFlags.contains { properties[$0] == "true" }
    }
}

/// `.id` text: `*` and a hexadecimal number.
enum EntryID {
    static func format(_ number: Int) -> String {
        "*" + String(number, radix: 16, uppercase: true)
    }

    static func parse(_ text: String) -> Int? {
        guard text.hasPrefix("*") else { return nil }
        return Int(text.dropFirst(), radix: 16)
    }
}
