import Foundation
import RouterModel
import RouterOSAPI

/// How given values become stored ones: kinds, references, defaults, required and unique properties.
extension CommandExecution {
    /// The printed form of a value given for `name`, or a trap like RouterOS's.
    func acceptedValue(_ name: String, _ value: String) throws -> String {
        guard let property = spec?.properties[name] else { return value }
        let normalized: String
        do {
            normalized = try ValueNormalizer.normalize(value, as: property.kind)
        } catch {
            throw CommandTrap(TrapText.invalidValue(value, for: name, error))
        }
        try checkReferences(normalized, kind: property.kind, name: name)
        return normalized
    }

    /// Refuses names of entries that do not exist (`input does not match any value of interface`).
    func checkReferences(_ value: String, kind: ValueKind, name: String) throws {
        switch kind {
        case .reference(let target, let keywords):
            guard keywords.contains(value) || hasEntry(named: value, in: target) else {
                throw CommandTrap(TrapText.noSuchValue(name))
            }
        case .negatable(let inner):
            try checkReferences(value.hasPrefix("!") ? String(value.dropFirst()) : value, kind: inner, name: name)
        case .list(let element):
            for item in value.split(separator: ",") { try checkReferences(String(item), kind: element, name: name) }
        default:
            break
        }
    }

    /// True when an entry of `menu` is called `name`; for `/interface`, an interface of any type.
    func hasEntry(named name: String, in menu: String) -> Bool {
        let menus = menu == "/interface" ? schema.interfaceMenus : [menu]
        return menus.contains { state.tables[$0]?.firstNumber(named: name) != nil }
    }

    /// True when this RouterOS version has property `name` in this menu.
    func versionHas(_ name: String, in menu: String? = nil) -> Bool {
        let menu = menu ?? self.menu
        if spec?.properties[name]?.access == .readOnly { return true }
        return schema.arguments(of: "add", in: menu)?[name] != nil || schema.arguments(of: "set", in: menu)?[name] != nil
    }

    /// The properties RouterOS prints for an entry nobody configured: the documented defaults.
    func defaultProperties() -> Entry.Properties {
        var properties = Entry.Properties()
        for (name, property) in (spec?.properties ?? [:]).sorted(by: { $0.key < $1.key }) {
            if let value = property.defaultValue, property.access != .writeOnly, versionHas(name) {
                properties[name] = value
            }
        }
        return properties
    }

    func checkRequired(_ properties: Entry.Properties) throws {
        for (name, property) in (spec?.properties ?? [:]).sorted(by: { $0.key < $1.key })
        where property.required && properties[name] == nil && versionHas(name) {
            throw CommandTrap(TrapText.missingArgument(name))
        }
    }

    /// Refuses a second entry with the same values of a unique set of properties.
    /// Interface names are unique across every interface type.
    func checkUnique(_ properties: Entry.Properties, excluding number: Int?) throws {
        guard let spec else { return }
        for keys in spec.unique {
            let values = keys.map { properties[$0] }
            guard values.allSatisfy({ $0 != nil }) else { continue }
            let menus = keys == ["name"] && isInterfaceMenu(menu) ? schema.interfaceMenus : [menu]
            let present = values.compactMap { $0 }
            for table in menus.compactMap({ state.tables[$0] }) {
                if table.numbers(withValues: present, of: keys).contains(where: { $0 != number }) {
                    throw CommandTrap(TrapText.duplicate(spec.duplicateMessage))
                }
            }
        }
    }

    /// Fills in what RouterOS computes: keys, networks, flags.
    func derive(_ properties: inout Entry.Properties, given: Set<String>) throws {
        switch menu {
        case "/interface/wireguard":
            if properties["private-key"] == nil {
                properties["private-key"] = try WireGuardKey.generatePrivateKey()
            }
            properties["public-key"] = properties["private-key"].flatMap(WireGuardKey.publicKey(forPrivateKey:))
        case "/ip/address":
            if !given.contains("network"), let address = properties["address"], let prefix = IPText.prefix(address) {
                properties["network"] = prefix.address.masked(to: prefix.length).text
            }
            properties["actual-interface"] = properties["interface"]
        case "/ipv6/address":
            if given.contains("address") || given.contains("from-pool") { buildFromPool(&properties) }
            if !given.contains("advertise"), let address = properties["address"], let prefix = IPText.prefix(address), versionHas("advertise") {
                properties["advertise"] = prefix.length == 64 ? "true" : "false"
            }
            properties["actual-interface"] = properties["interface"]
        case "/system/script":
            deriveScript(&properties)
        case "/system/scheduler":
            try deriveScheduler(&properties, at: Date())
        default:
            break
        }
        if isInterfaceMenu(menu), versionHas("running") {
            properties["running"] = properties["disabled"] == "true" ? "false" : "true"
        }
    }

    /// An address `from-pool` takes its prefix from the pool's next subnet and its host part from
    /// the address written (`::1/64` on `2001:db8:a::/48` pool of /64s → `2001:db8:a::1/64`,
    /// then `2001:db8:a:1::1/64`), and prints the built address. Without the pool (a delegated
    /// prefix not bound yet) the address stays as written.
    func buildFromPool(_ properties: inout Entry.Properties) {
        guard let pool = properties["from-pool"], let written = properties["address"].flatMap(IPText.prefix),
              let number = state.tables["/ipv6/pool"]?.firstNumber(named: pool), let entry = state.tables["/ipv6/pool"]?.entry(number),
              let (network, _) = entry.properties["prefix"].flatMap(IPText.prefix), let size = entry.properties["prefix-length"].flatMap(Int.init),
              (1...128).contains(size)
        else { return }
        let taken = (state.tables[menu].map { Array($0.ordered) } ?? []).filter { $0.properties["from-pool"] == pool && $0.properties["address"] != properties["address"] }.count
        var bytes = network.bytes
        // Add the subnet index at bit `size` (counting from the left), carrying to the left.
        var carry = taken
        var bit = size
        while carry > 0, bit > 0 {
            let index = (bit - 1) / 8, shift = 7 - (bit - 1) % 8
            if carry & 1 == 1 {
                var position = index, add = 1 << shift
                while position >= 0, add > 0 {
                    let sum = Int(bytes[position]) + add
                    bytes[position] = UInt8(sum & 0xFF)
                    add = sum >> 8
                    position -= 1
                }
            }
            carry >>= 1
            bit -= 1
        }
        let host = written.address.hostPart(after: written.length).bytes
        let built = zip(bytes, host).map { $0 | $1 }
        properties["address"] = "\(IPText.Address(bytes: built).text)/\(written.length)"
    }
}
