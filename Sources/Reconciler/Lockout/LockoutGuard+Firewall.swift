extension LockoutGuard {
    /// Risks from the `input` chain of the session's family: when the plan touches the filter, the
    /// address lists or the interface lists, the chain is walked before and after the plan for a new
    /// connection (rosplay's next) and for the open session. A plan that turns an accept into a drop,
    /// or into something the guard cannot decide, is a risk for the operations that made the difference.
    func firewallRisks(_ plan: Plan) -> [LockoutRisk] {
        let menus = path.menus
        let related = [menus.filter, menus.addressList, "/interface/list/member", "/interface/list"]
        // Rules of forward and output never see the session's packets.
        let touching = plan.operations.filter { operation in
            related.contains(operation.menu)
                && (operation.menu != menus.filter || !["forward", "output"].contains(after(operation)["chain"] ?? ""))
        }
        guard !touching.isEmpty else { return [] }
        let filterAfter = planned(menus.filter, plan)
        var risks: [LockoutRisk] = []
        for state in InputChain.State.allCases {
            let was = chain(state, nil).outcome()
            let will = chain(state, plan).outcome()
            if case .accept = will { continue }
            let deciding = will.rule.flatMap(filterAfter.entry)
            let connection = state == .new ? "a new connection from \(path.address.text) (rosplay's next)" : "the open session from \(path.address.text)"
            let verdict: (LockoutRisk.Certainty, String)
            switch will {
            case .drop:
                verdict = (.cuts, "\(connection) would be dropped in chain input by \(describe(deciding)) before any rule accepts it")
            case .cannotTell(_, let reason):
                verdict = (.cannotTell, "\(connection) meets \(describe(deciding)) in chain input, which may drop it: \(reason)")
            case .accept, .returned:
                continue
            }
            guard case .accept(let accepting) = was else {
                // Already undecided before the plan: a risk only where the plan touched the deciding rule.
                risks += (deciding?.operations ?? []).map { risk($0, .cannotTell, verdict.1) }
                continue
            }
            let lostAccept = accepting.map { key in plan.operations(on: menus.filter).filter { $0.id == key } } ?? []
            let blamed = (deciding?.operations ?? []) + lostAccept
            risks += (blamed.isEmpty ? touching : blamed).map { risk($0, verdict.0, verdict.1) }
        }
        return risks
    }

    /// `input` as it is (`plan` nil) or will be after `plan`, for a packet in `state`.
    private func chain(_ state: InputChain.State, _ plan: Plan?) -> InputChain {
        let menus = path.menus
        let apply = plan ?? Plan(levels: [])
        return InputChain(
            rules: planned(menus.filter, apply).entries,
            addressList: planned(menus.addressList, apply).entries,
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
