/// The hardware MockRouter pretends to be: its ports, what `/system/resource` prints, and its defconf.
public enum Board: String, CaseIterable, Hashable, Sendable {
    /// RB5009UG+S+: ether1–ether8, sfp-sfpplus1, home-router defconf.
    case rb5009
    /// Cloud Hosted Router: ether1 with a DHCP client, no defconf firewall.
    case chr

    var ports: [BoardFacts.Port] {
        switch self {
        case .rb5009: return BoardFacts.rb5009Ports
        case .chr: return BoardFacts.chrPorts
        }
    }

    var resource: [(String, String)] {
        switch self {
        case .rb5009: return BoardFacts.rb5009Resource
        case .chr: return BoardFacts.chrResource
        }
    }

    var defconf: [BoardDefconf.Step] {
        switch self {
        case .rb5009: return BoardDefconf.rb5009
        case .chr: return BoardDefconf.chr
        }
    }
}
