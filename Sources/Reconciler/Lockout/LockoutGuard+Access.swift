extension LockoutGuard {
    /// Risks to logging in again: the API service, its certificate, the user and its group.
    func accessRisks(_ plan: Plan) -> [LockoutRisk] {
        plan.operations.flatMap { operation -> [LockoutRisk] in
            switch operation.menu {
            case "/ip/service": return serviceRisks(operation)
            case "/certificate": return certificateRisks(operation)
            case "/user": return userRisks(operation, plan: plan)
            case "/user/group": return groupRisks(operation)
            default: return []
            }
        }
    }

    // MARK: - Service

    private func serviceRisks(_ operation: Operation) -> [LockoutRisk] {
        guard let service = path.serviceEntry, operation.id == service.id else { return [] }
        let name = path.service
        if disables(operation) { return [risk(operation, "it disables \(name), the service rosplay connects by")] }
        if let change = change(of: "port", in: operation) {
            return [risk(operation, "it moves \(name) from port \(change.old ?? "?") to \(change.new ?? "the default"); rosplay connects to \(change.old ?? "the old port")")]
        }
        // `address` up to 7.23, `available-from` from 7.24 (both accepted by 7.24): whichever the plan changes.
        for property in ["address", "available-from"] {
            guard let change = change(of: property, in: operation), let allowed = change.new, !allowed.isEmpty else { continue }
            switch holdsSession(allowed) {
            case true: continue
            case false: return [risk(operation, "it allows \(name) only from \(allowed), which does not hold the session's address \(path.address.text)")]
            case nil: return [risk(operation, .cannotTell, "it allows \(name) only from \(allowed), which the guard cannot read")]
            }
        }
        if name == "api-ssl", let change = change(of: "certificate", in: operation) {
            guard let new = change.new, new != "none" else {
                return [risk(operation, "it takes api-ssl's certificate away; a client that verifies the certificate cannot connect")]
            }
            return [risk(operation, .cannotTell, "it changes api-ssl's certificate from \(change.old ?? "none") to \(new); a client pinning the old one cannot connect")]
        }
        if let change = change(of: "vrf", in: operation) {
            return [risk(operation, .cannotTell, "it moves \(name) to VRF \(change.new ?? "main")")]
        }
        return []
    }

    private func certificateRisks(_ operation: Operation) -> [LockoutRisk] {
        guard path.service == "api-ssl", operation.kind == .remove,
              let certificate = path.serviceEntry?.properties["certificate"], certificate != "none",
              liveEntry(operation)?.properties["name"] ?? operation.label.split(separator: "=").last.map(String.init) == certificate else { return [] }
        return [risk(operation, "api-ssl, which rosplay connects by, uses this certificate")]
    }

    // MARK: - User and group

    private func userRisks(_ operation: Operation, plan: Plan) -> [LockoutRisk] {
        guard let user = path.userEntry, operation.id == user.id else { return [] }
        let what = "rosplay logs in as \(path.user)"
        if operation.kind == .remove { return [risk(operation, what)] }
        if disables(operation) { return [risk(operation, "it disables the user; \(what)")] }
        if change(of: "name", in: operation) != nil { return [risk(operation, "it renames the user; \(what)")] }
        if let change = change(of: "address", in: operation), let allowed = change.new, !allowed.isEmpty, holdsSession(allowed) != true {
            return [risk(operation, "it allows the user only from \(allowed), which does not hold \(path.address.text); \(what)")]
        }
        if let change = change(of: "group", in: operation), let group = change.new {
            let policy = plannedPolicy(ofGroup: group, plan: plan)
            guard let policy else { return [risk(operation, .cannotTell, "it moves the user to group \(group), whose policy the guard does not know")] }
            if let missing = Self.missingPolicies(policy) {
                return [risk(operation, "it moves the user to group \(group), which lacks \(missing); \(what)")]
            }
        }
        return []
    }

    private func groupRisks(_ operation: Operation) -> [LockoutRisk] {
        guard let group = path.group else {
            // The session's group is unknown: any group losing what rosplay needs may be it.
            var loses = operation.kind == .remove
            if let change = change(of: "policy", in: operation) { loses = change.new.map { Self.missingPolicies($0) != nil } ?? true }
            return loses ? [risk(operation, .cannotTell, "the group of rosplay's user \(path.user) is not known, and this group loses the api, read or write policy")] : []
        }
        guard let live = liveEntry(operation), live.properties["name"] == group else { return [] }
        let what = "rosplay's user \(path.user) is in group \(group)"
        if operation.kind == .remove { return [risk(operation, what)] }
        if let change = change(of: "policy", in: operation) {
            guard let policy = change.new else { return [risk(operation, .cannotTell, "it unsets the group's policy; \(what)")] }
            if let missing = Self.missingPolicies(policy) { return [risk(operation, "the group's policy loses \(missing); \(what)")] }
        }
        return []
    }

    /// A group's policy after the plan: from the plan's operations on it, else as read, else the built-in group's.
    private func plannedPolicy(ofGroup name: String, plan: Plan) -> String? {
        let live = path.live["/user/group"]?.first { $0.properties["name"] == name }
        let touching = plan.operations(on: "/user/group").filter { operation in
            operation.id.map { $0 == live?.id } ?? (operation.changes.first { $0.name == "name" }?.new == name)
        }
        if let policy = touching.last.flatMap({ after($0)["policy"] }) { return policy }
        return live?.properties["policy"] ?? Self.builtinPolicies[name]
    }

    /// What rosplay needs of a policy that `policy` (`read,write,api,!ftp,…`) lacks, or nil.
    static func missingPolicies(_ policy: String) -> String? {
        let granted = Set(policy.split(separator: ",").map(String.init))
        let missing = ["api", "read", "write"].filter { !granted.contains($0) }
        return missing.isEmpty ? nil : missing.joined(separator: ", ")
    }

    /// The policies of RouterOS's built-in groups that matter here, for routers (and the mock)
    /// that print none. Source: MikroTik manual "User": `full` has every policy, `write` all
    /// but `policy` and `sensitive`, `read` lacks `write` too.
    static let builtinPolicies = [
        "full": "read,write,api",
        "write": "read,write,api",
        "read": "read,api",
    ]
}
