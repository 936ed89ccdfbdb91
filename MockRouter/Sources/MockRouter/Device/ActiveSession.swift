import Foundation

/// A logged-in API session, as `/user/active` prints it.
struct ActiveSession: Sendable {
    /// The session's number, which is also its `.id` (sessions are numbered as they open).
    let number: Int
    let user: MockUser
    /// The client's address as the server sees it.
    let address: String
    let since: Date

    /// The row: `when`, `name`, `address`, `via`, `group` and the `radius` flag (CLI reference
    /// `user/active`). `via` is `api` for API-SSL too: the reference's `via` values have no
    /// `api-ssl`. `when` as `YYYY-MM-DD HH:MM:SS` in UTC: assumed (7.10+ prints dates that way elsewhere).
    var entry: Entry {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return Entry(number: number, properties: [
            "when": formatter.string(from: since),
            "name": user.name,
            "address": address,
            "via": "api",
            "group": user.group.rawValue,
            "radius": "false",
        ])
    }
}
