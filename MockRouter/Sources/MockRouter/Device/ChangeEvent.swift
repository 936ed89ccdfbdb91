import RouterOSAPI

/// What a listener is told when an entry of its menu changes: the entry as printed, or `.dead`.
struct ChangeEvent: Sendable {
    let menu: String
    let row: [Attribute]
}

/// Someone following a menu (`listen`, `print follow`); the device calls `deliver` after each change.
struct Listener: Sendable {
    let menu: String
    let deliver: @Sendable (ChangeEvent) -> Void
}
