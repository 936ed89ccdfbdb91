import Foundation

/// How far the menu reads of one run have got, for a progress counter: menus asked for so far,
/// menus answered, and the last one answered. Reads going on together share one.
public final class ReadProgress: @unchecked Sendable {
    private let lock = NSLock()
    private var asked = 0
    private var answered = 0
    private var latest: String?

    public init() {}

    /// Menus answered, menus asked for so far, and the last menu answered.
    public var counts: (read: Int, total: Int, last: String?) {
        lock.lock()
        defer { lock.unlock() }
        return (answered, asked, latest)
    }

    func asking(_ count: Int) {
        lock.lock()
        asked += count
        lock.unlock()
    }

    func read(_ path: String) {
        lock.lock()
        answered += 1
        latest = path
        lock.unlock()
    }
}
