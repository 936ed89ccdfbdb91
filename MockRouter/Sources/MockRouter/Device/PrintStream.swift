import RouterOSAPI

/// The replies of a `print` of a list menu, rendered a batch at a time as the session writes
/// them, so that printing 100,000 entries never holds 100,000 replies.
///
/// It reads a snapshot of the menu taken when the command ran (under the device lock, so the
/// print sees one consistent configuration; the snapshot shares the table's storage, and the next
/// write to that menu copies it once). The last batch ends with `!done`, after `!empty` when no
/// entry was selected on a version that says so.
struct PrintStream: Sendable {
    private let table: MenuTable
    private let menu: String
    private let view: PrintView
    private let saysEmpty: Bool
    private var position = 0
    private var selected = 0
    private(set) var isFinished = false

    init(table: MenuTable, menu: String, view: PrintView, saysEmpty: Bool) {
        self.table = table
        self.menu = menu
        self.view = view
        self.saysEmpty = saysEmpty
    }

    /// The next replies: at most `limit` rows, plus the closing `!empty`/`!done` once the menu
    /// is exhausted; nothing once finished.
    mutating func next(_ limit: Int) -> [Reply] {
        guard !isFinished else { return [] }
        let entries = table.ordered
        var replies: [Reply] = []
        while replies.count < limit, position < entries.count {
            let entry = entries[entries.startIndex + position]
            position += 1
            if let row = view.selected(view.row(entry, of: menu)) { replies.append(Reply(.re, attributes: row)) }
        }
        selected += replies.count
        if position == entries.count {
            if selected == 0, saysEmpty { replies.append(Reply(.empty)) }
            replies.append(.done())
            isFinished = true
        }
        return replies
    }

    /// Every remaining reply at once, for scripts.
    mutating func rest() -> [Reply] {
        var replies: [Reply] = []
        while !isFinished { replies += next(.max) }
        return replies
    }
}
