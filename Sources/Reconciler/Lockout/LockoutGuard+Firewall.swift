extension LockoutGuard {
    /// A firewall table the session's packets cross, and the chain they enter it by.
    private struct Table {
        let menu: String
        let start: String
        /// Chains the session's packets never enter.
        let elsewhere: Set<String>
        /// The connection states the table tells apart: raw comes before connection tracking, so
        /// it treats the open session and the next connection alike (one walk, one risk).
        let states: [FirewallChain.State]
    }

    /// Risks from the firewall of the session's family: the raw table's `prerouting` and the
    /// filter's `input`. When the plan touches a table, the address lists or the interface lists,
    /// the table is walked before and after the plan for a new connection (rosplay's next) and for
    /// the open session. A plan that turns an accept into a drop, or into something the guard
    /// cannot decide, is a risk for the operations that made the difference.
    func firewallRisks(_ plan: Plan) -> [LockoutRisk] {
        let menus = path.menus
        return [Table(menu: menus.raw, start: "prerouting", elsewhere: ["output"], states: [.established]),
                Table(menu: menus.filter, start: "input", elsewhere: ["forward", "output"], states: FirewallChain.State.allCases)].flatMap { risks(of: $0, plan) }
    }

    private func risks(of table: Table, _ plan: Plan) -> [LockoutRisk] {
        let related = [table.menu, path.menus.addressList, "/interface/list/member", "/interface/list"]
        let touching = plan.operations.filter { operation in
            related.contains(operation.menu) && (operation.menu != table.menu || !table.elsewhere.contains(after(operation)["chain"] ?? ""))
        }
        guard !touching.isEmpty else { return [] }
        let rulesAfter = planned(table.menu, plan)
        var risks: [LockoutRisk] = []
        for state in table.states {
            let was = chain(table, state, nil).outcome()
            let will = chain(table, state, plan).outcome()
            if case .accept = will { continue }
            let deciding = will.rule.flatMap(rulesAfter.entry)
            let connection = state == .new ? "a new connection from \(path.address.text) (rosplay's next)" : "the open session from \(path.address.text)"
            let place = "chain \(table.start) of \(table.menu)"
            let verdict: (LockoutRisk.Certainty, String)
            switch will {
            case .drop:
                verdict = (.cuts, "\(connection) would be dropped in \(place) by \(describe(deciding)) before any rule accepts it")
            case .cannotTell(_, let reason):
                verdict = (.cannotTell, "\(connection) meets \(describe(deciding)) in \(place), which may drop it: \(reason)")
            case .accept, .returned:
                continue
            }
            guard case .accept(let accepting) = was else {
                // Already undecided before the plan: a risk only where the plan touched the deciding rule.
                risks += (deciding?.operations ?? []).map { risk($0, verdict.0, verdict.1) }
                continue
            }
            let lostAccept = accepting.map { key in plan.operations(on: table.menu).filter { $0.id == key } } ?? []
            let blamed = (deciding?.operations ?? []) + lostAccept
            risks += (blamed.isEmpty ? touching : blamed).map { risk($0, verdict.0, verdict.1) }
        }
        return risks
    }

    /// `table` as it is (`plan` nil) or will be after `plan`, for a packet in `state`.
    private func chain(_ table: Table, _ state: FirewallChain.State, _ plan: Plan?) -> FirewallChain {
        let apply = plan ?? Plan(levels: [])
        return FirewallChain(
            start: table.start,
            rules: planned(table.menu, apply).entries,
            addressList: planned(path.menus.addressList, apply).entries,
            listMembers: planned("/interface/list/member", apply).entries,
            lists: planned("/interface/list", apply).entries,
            path: path, state: state)
    }

    private func planned(_ menu: String, _ plan: Plan) -> PlannedMenu {
        PlannedMenu(live: path.live[menu] ?? [], operations: plan.operations(on: menu))
    }

    private func describe(_ rule: PlannedMenu.Entry?) -> String {
        guard let rule else { return "a rule" }
        let shown = ["action", "comment"].compactMap { name in rule[name].map { "\(name)=\($0)" } }
        return "the rule " + (shown.isEmpty ? rule.key : shown.joined(separator: " "))
    }
}
