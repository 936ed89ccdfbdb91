import RouterModel

/// What a firewall table does with a packet of the session, from the chain it enters by (`input`
/// of the filter, `prerouting` of raw), given the table's rules: walked like RouterOS walks it
/// (first terminal match decides, `jump` and `return` between chains, the chain's end accepts),
/// with every matcher answering yes, no, or "cannot tell".
struct FirewallChain {
    /// The connection state the packet is in: a fresh connection (rosplay's next one) or the live one.
    enum State: String, CaseIterable {
        case new, established
    }

    /// What happens to the packet.
    enum Outcome: Equatable {
        /// Accepted by the rule with this key, or (nil) by the end of the chain it entered by.
        case accept(rule: String?)
        /// Dropped (`drop`, `reject`, `tarpit`) by the rule with this key.
        case drop(rule: String)
        /// Decided by a rule the guard cannot evaluate.
        case cannotTell(rule: String, reason: String)
        /// Fell off the end of a chain, or `return`ed: the caller goes on.
        case returned

        var rule: String? {
            switch self {
            case .drop(let rule), .cannotTell(let rule, _): return rule
            case .accept(let rule): return rule
            case .returned: return nil
            }
        }
    }

    enum Match {
        case yes, no
        case maybe(String)
    }

    /// The chain the packet enters by: `input` (filter) or `prerouting` (raw).
    let start: String
    let rules: [PlannedMenu.Entry]
    let addressList: [PlannedMenu.Entry]
    let listMembers: [PlannedMenu.Entry]
    let lists: [PlannedMenu.Entry]
    let path: SessionPath
    let state: State

    /// The service port rosplay connects to.
    var port: Int {
        path.serviceEntry?.properties["port"].flatMap(Int.init) ?? (path.service == "api" ? 8728 : 8729)
    }

    /// The outcome for the session's packet, from the start of its chain.
    func outcome() -> Outcome {
        let outcome = run(start, from: 0, depth: 0)
        return outcome == .returned ? .accept(rule: nil) : outcome
    }

    private func run(_ chain: String, from start: Int, depth: Int) -> Outcome {
        let chainRules = rules.filter { $0["chain"] == chain && $0.isEnabled }
        guard start < chainRules.count else { return .returned }
        for index in chainRules.indices.dropFirst(start) {
            let rule = chainRules[index]
            let matched = match(rule)
            if case .no = matched { continue }
            let effect: Outcome?
            switch rule["action"] ?? "accept" {
            case "accept": effect = .accept(rule: rule.key)
            case "drop", "reject", "tarpit": effect = .drop(rule: rule.key)
            case "return": effect = .returned
            case "jump":
                guard let target = rule["jump-target"], depth < 8 else {
                    effect = .cannotTell(rule: rule.key, reason: "it jumps to a chain the guard cannot follow")
                    break
                }
                let inner = run(target, from: 0, depth: depth + 1)
                effect = inner == .returned ? nil : inner
            default: effect = nil // passthrough, log, add-src-to-address-list, raw's notrack…: the walk goes on
            }
            switch matched {
            case .no: continue
            case .yes:
                if let effect { return effect }
            case .maybe(let reason):
                let rest = run(chain, from: index + 1, depth: depth)
                guard let effect else { return rest }
                return Self.same(effect, rest) ? effect : .cannotTell(rule: rule.key, reason: reason)
            }
        }
        return .returned
    }

    private static func same(_ a: Outcome, _ b: Outcome) -> Bool {
        switch (a, b) {
        case (.accept, .accept), (.returned, .returned), (.drop, .drop): return true
        default: return false
        }
    }

    // MARK: - Matching

    /// Properties of a rule that are not matchers.
    static let nonMatchers: Set<String> = [
        "chain", "action", "jump-target", "reject-with", "comment", "disabled", "log", "log-prefix", "bytes", "packets",
        "dynamic", "invalid", "address-list", "address-list-timeout", "place-before", "copy-from",
    ]

    func match(_ rule: PlannedMenu.Entry) -> Match {
        var doubts: [String] = []
        for (name, raw) in rule.properties.sorted(by: { $0.key < $1.key }) where !Self.nonMatchers.contains(name) {
            let negated = raw.hasPrefix("!")
            let value = negated ? String(raw.dropFirst()) : raw
            let result: Match
            switch name {
            case "src-address": result = AddressSpan(value).map { $0.contains(path.address) ? .yes : .no } ?? .maybe("src-address=\(value) is not an address")
            case "dst-address": result = dstAddress(value)
            case "dst-address-type": result = value == "local" ? .yes : .maybe("dst-address-type=\(value)")
            case "protocol": result = value == "tcp" || value == "6" ? .yes : .no
            case "dst-port": result = ports(value).map { $0 ? .yes : .no } ?? .maybe("dst-port=\(value)")
            case "port": result = ports(value) == true ? .yes : .maybe("port=\(value) may match the source port")
            case "in-interface": result = path.interfaces.first.map { $0 == value ? .yes : .no } ?? .maybe("the session's interface is not known")
            case "in-interface-list": result = interfaceList(value)
            case "src-address-list": result = addressList(value)
            case "connection-state": result = value.split(separator: ",").contains { $0 == state.rawValue } ? .yes : .no
            default: result = .maybe("\(name)=\(raw) is not modelled")
            }
            switch (result, negated) {
            case (.yes, false), (.no, true): continue
            case (.no, false), (.yes, true): return .no
            case (.maybe(let doubt), _): doubts.append(doubt)
            }
        }
        return doubts.isEmpty ? .yes : .maybe(doubts.joined(separator: "; "))
    }

    /// A destination of loopback addresses only never matches a remote session; any other cannot be told
    /// (the address rosplay connected to is not known here).
    private func dstAddress(_ value: String) -> Match {
        guard let span = AddressSpan(value) else { return .maybe("dst-address=\(value) is not an address") }
        return span.low.isLoopback && span.high.isLoopback && !path.isLoopback ? .no : .maybe("dst-address=\(value) may be the address rosplay connects to")
    }

    /// Whether `list` (`8728,8729,1000-2000`) holds the service port; nil when unreadable.
    private func ports(_ list: String) -> Bool? {
        var holds = false
        for item in list.split(separator: ",") {
            let bounds = item.split(separator: "-", maxSplits: 1).map { Int($0) }
            guard let low = bounds.first ?? nil, let high = bounds.last ?? nil else { return nil }
            if (low...max(low, high)).contains(port) { holds = true }
        }
        return holds
    }

    private func interfaceList(_ name: String) -> Match {
        switch name {
        case "all": return .yes
        case "none": return .no
        default: break
        }
        guard let arrival = path.interfaces.first else { return .maybe("the session's interface is not known") }
        if let list = lists.first(where: { $0["name"] == name }),
           !(list["include"] ?? "").isEmpty || !(list["exclude"] ?? "").isEmpty || list["builtin"] == "true" {
            return .maybe("interface list \(name) is built in or includes other lists")
        }
        let members = listMembers.filter { $0["list"] == name && $0.isEnabled }
        return members.contains { $0["interface"] == arrival } ? .yes : .no
    }

    private func addressList(_ name: String) -> Match {
        var unreadable = false
        for entry in addressList where entry["list"] == name && entry.isEnabled {
            guard let text = entry["address"] else { continue }
            guard let span = AddressSpan(text) else { unreadable = true; continue }
            if span.contains(path.address) { return .yes }
        }
        return unreadable ? .maybe("address list \(name) holds names the guard cannot resolve") : .no
    }
}
