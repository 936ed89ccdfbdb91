/// `1 menu`, `2 menus`, `0 entries`: a count with its noun in the right number (`plural` when
/// adding an s is not it).
func counted(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(count) \(count == 1 ? singular : plural ?? singular + "s")"
}
