import RouterOSAPI

/// The reply to a `print` of `count` firewall filter rules, as a router sends it: one `!re`
/// per rule (the properties a typical RB5009 rule prints), then `!done`. Deterministic, so every
/// run and the librouteros peer decode the same bytes.
enum RuleRows {
    static func replies(count: Int) -> [Reply] {
        var replies = (0..<count).map { i in
            Reply(.re, attributes: [
                Attribute(".id", EntryIDText.format(i + 1)),
                Attribute("chain", i % 3 == 0 ? "input" : "forward"),
                Attribute("action", i % 4 == 0 ? "drop" : "accept"),
                Attribute("protocol", i % 2 == 0 ? "tcp" : "udp"),
                Attribute("src-address", "10.\(i / 65536 % 256).\(i / 256 % 256).\(i % 256)/32"),
                Attribute("dst-port", String(1024 + i % 60000)),
                Attribute("in-interface-list", "WAN"),
                Attribute("connection-state", "new"),
                Attribute("log", "false"),
                Attribute("log-prefix", ""),
                Attribute("bytes", String(i * 1337)),
                Attribute("packets", String(i * 3)),
                Attribute("invalid", "false"),
                Attribute("dynamic", "false"),
                Attribute("disabled", "false"),
                Attribute("comment", "rosplay: rule \(i) of the benchmark playbook"),
            ])
        }
        replies.append(.done())
        return replies
    }
}

/// `.id` text as RouterOS prints it: `*` and upper-case hexadecimal.
enum EntryIDText {
    static func format(_ number: Int) -> String {
        "*" + String(number, radix: 16, uppercase: true)
    }
}
