import RouterOSAPI

/// A change to one entry, for listeners: the entry as it now is, or as it was when it was removed.
///
/// Carried raw; each listener renders it through its own ``PrintView`` when it is delivered.
struct ChangeEvent: Sendable {
    /// The menu the entry belongs to (its type's menu for an interface).
    let menu: String
    let entry: Entry
    /// True when the entry was removed; it is then reported as `.dead`.
    let removed: Bool
}

/// Someone following a menu (`listen`, `print follow`); the device calls `deliver` with each
/// change its view shows and selects, rendered for it.
struct Listener: Sendable {
    let view: PrintView
    let deliver: @Sendable ([Attribute]) -> Void
}
