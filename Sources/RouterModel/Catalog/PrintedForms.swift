/// Values a router prints in another form than the one they were written in, read back into the
/// written form so that matching and comparing see what the playbook says.
///
/// `/ipv6/address` with `from-pool`: RouterOS builds the address from the pool's prefix and the
/// host part of the `address` written (`::1/64`), and prints the built address
/// (`2001:db8:0:1::1/64`). Source: MikroTik manual "IPv6 Address" (`from-pool`: "name of the pool
/// from which prefix will be taken to construct IPv6 address taking last part of the address
/// from address property").
public enum PrintedForms {
    /// `properties` of an entry of `menu` as a playbook writes them.
    public static func asWritten(_ properties: [String: String], in menu: String) -> [String: String] {
        guard menu == "/ipv6/address", let pool = properties["from-pool"], !pool.isEmpty,
              let address = properties["address"], let (built, length) = IPText.prefix(address), built.family == .v6
        else { return properties }
        var written = properties
        written["address"] = "\(built.hostPart(after: length).text)/\(length)"
        return written
    }
}

extension IPText.Address {
    /// The address with the first `length` bits cleared: what follows the prefix.
    public func hostPart(after length: Int) -> IPText.Address {
        let network = masked(to: length).bytes
        return IPText.Address(bytes: zip(bytes, network).map { $0 ^ $1 })
    }
}
