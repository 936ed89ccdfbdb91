import RouterModel

/// How a level's operations are split into waves, which matters only in ordered menus: there an
/// operation's effect depends on the ones before it (a rule placed before an anchor that earlier
/// rules were placed before too).
public enum OrderedSending: Sendable {
    /// The whole level in one wave, in plan order: one connection's commands run in the order
    /// they arrive, so every rule lands where the plan puts it. No operation needs a reply of
    /// another (anchors are entries the router already holds), so nothing else forces a second wave.
    case pipelined
    /// Each ordered menu's operations one per wave, everything else in the first: for a router
    /// that ran a wave's commands out of order (``Verifier`` repairs with it).
    case oneAtATime

    /// The waves of `level`, operations paired with their index in the plan; `schema` says which menus are ordered.
    func waves(of level: [(index: Int, operation: Operation)], schema: RouterSchema) -> [[(index: Int, operation: Operation)]] {
        switch self {
        case .pipelined:
            return level.isEmpty ? [] : [level]
        case .oneAtATime:
            var waves: [[(index: Int, operation: Operation)]] = []
            var sentInMenu: [String: Int] = [:]
            for item in level {
                var wave = 0
                if schema.spec(for: item.operation.menu)?.ordered == true {
                    wave = sentInMenu[item.operation.menu, default: 0]
                    sentInMenu[item.operation.menu] = wave + 1
                }
                if wave == waves.count { waves.append([]) }
                waves[wave].append(item)
            }
            return waves
        }
    }
}
