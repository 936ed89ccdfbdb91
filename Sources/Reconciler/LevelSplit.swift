/// Splits one dependency level into waves where its entries name each other: a PPPoE client on
/// a VLAN added in the same level goes in the wave after the VLAN, a VLAN on a bond after the
/// bond. Menu levels order what menus reference; this orders what entries of menus at the same
/// level reference, which only the playbook's values tell.
enum LevelSplit {
    /// The level's operations in waves, each after the waves of the entries it names; one wave
    /// when nothing in the level names anything added in it.
    static func waves(_ level: [Operation]) -> [[Operation]] {
        // Names added in this level, by the position of the add.
        var added: [String: Int] = [:]
        for (position, operation) in level.enumerated() where operation.kind == .add {
            if let name = operation.changes.first(where: { $0.name == "name" })?.new { added[name] = position }
        }
        guard !added.isEmpty else { return [level] }
        var wave: [Int: Int] = [:]
        func waveOf(_ position: Int, depth: Int) -> Int {
            if let known = wave[position] { return known }
            // A cycle of names cannot be ordered; the router will say which entry it refuses.
            guard depth < level.count else { return 0 }
            let operation = level[position]
            var result = 0
            for change in operation.changes where change.name != "name" && !change.sensitive {
                for value in (change.new ?? "").split(separator: ",") {
                    guard let named = added[String(value)], named != position, level[named].menu != operation.menu else { continue }
                    result = max(result, waveOf(named, depth: depth + 1) + 1)
                }
            }
            wave[position] = result
            return result
        }
        var waves: [[Operation]] = []
        for position in level.indices {
            let index = waveOf(position, depth: 0)
            while waves.count <= index { waves.append([]) }
            waves[index].append(level[position])
        }
        return waves
    }
}
