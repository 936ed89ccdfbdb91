import Testing
@testable import RouterModel

/// Every menu of every embedded version, its spec checked against RouterOS's own command tree:
/// a curated fact that contradicts the tree, or a derived one that misreads it, fails here.
struct MenuSpecTreeTests {
    static let schemas = RouterSchema.embeddedVersions.map { RouterSchema.embedded($0)! }

    @Test func everyVersionHasItsWholeTree() {
        for schema in Self.schemas {
            #expect(schema.menus.count >= 420, "\(schema.version): \(schema.menus.count) menus")
            #expect(schema.configurableMenus.count >= 300, "\(schema.version): \(schema.configurableMenus.count) configurable")
            // The menus a home RB5009 needs and the curated catalog of old did not have.
            for menu in ["/ipv6/dhcp-client", "/interface/pppoe-client", "/ip/dhcp-server/lease", "/system/ntp/client", "/snmp"] {
                #expect(schema.spec(for: menu) != nil, "\(schema.version) \(menu)")
            }
        }
    }

    @Test func styleFollowsTheCommands() {
        for schema in Self.schemas {
            for path in schema.configurableMenus {
                let spec = schema.spec(for: path)!
                let commands = schema.menus[path]!
                let expected: MenuSpec.Style = commands["add"] != nil ? .list : commands["set"]?["numbers"] != nil ? .fixed : .settings
                #expect(spec.style == expected, "\(schema.version) \(path): \(spec.style), the tree says \(expected)")
            }
        }
    }

    @Test func orderedMenusCanMove() {
        for schema in Self.schemas {
            for path in OrderedMenus.paths where schema.hasMenu(path) {
                #expect(schema.menus[path]?["move"] != nil, "\(schema.version) \(path) is listed as ordered but has no move")
                #expect(schema.spec(for: path)?.ordered == true, "\(schema.version) \(path)")
            }
            for path in schema.configurableMenus where schema.spec(for: path)!.ordered {
                #expect(schema.menus[path]?["move"] != nil, "\(schema.version) \(path) is ordered but has no move")
            }
        }
    }

    /// An identity property selects an entry: it is given on add or set, or printed read-only
    /// (`default-name`).
    @Test func identitiesAreProperties() {
        for schema in Self.schemas {
            for path in schema.configurableMenus {
                let spec = schema.spec(for: path)!
                for name in spec.identity where !schema.accepts(name, in: path) {
                    #expect(spec.properties[name]?.access == .readOnly, "\(schema.version) \(path) is identified by \(name), which it neither takes nor prints")
                }
            }
        }
    }

    /// What the catalog and the overlays name exists in at least one version.
    @Test func curatedFactsNameWhatTheTreeHas() {
        let everyArgument = Dictionary(Self.schemas.flatMap { schema in
            schema.configurableMenus.map { path in (path, Set(schema.menus[path]!.values.flatMap(\.keys))) }
        }, uniquingKeysWith: { $0.union($1) })
        for (path, spec) in MenuCatalog.specs where !["/system/resource", "/system/routerboard", "/routing/bgp/session", "/system/clock", "/user/active", "/system/device-mode"].contains(path) {
            let arguments = everyArgument[path]
            #expect(arguments != nil, "the catalog describes \(path), which no version can configure")
            for (name, property) in spec.properties where property.access == .readWrite {
                #expect(arguments?.contains(name) == true, "the catalog gives \(path) a writable \(name) no version takes")
            }
        }
        for path in Array(KnownIdentities.byMenu.keys) + Array(KnownProperties.byMenu.keys) + Array(OrderedMenus.paths) {
            #expect(everyArgument[path] != nil, "\(path) is in an overlay but in no version's tree")
        }
        for (path, names) in KnownIdentities.byMenu {
            for name in names { #expect(everyArgument[path]?.contains(name) == true, "\(path) identity \(name)") }
        }
    }

    /// One type per interface menu, and `/interface print` lists no type twice.
    @Test func interfaceTypesAreDistinct() {
        for schema in Self.schemas {
            let types = schema.interfaceMenus.compactMap { schema.spec(for: $0)?.interfaceType }
            #expect(types.count == Set(types).count, "\(schema.version): \(types.sorted())")
            #expect(schema.interfaceMenus.contains("/interface/pppoe-client") && !schema.interfaceMenus.contains("/interface/list"))
        }
    }

    /// What a menu names by reference is changed before it or in its own level (where the planner
    /// orders entries that name each other), and derived menus come after the list menu they sit under.
    @Test func levelsFollowReferences() {
        for schema in Self.schemas {
            for path in schema.configurableMenus {
                let spec = schema.spec(for: path)!
                for (name, property) in spec.properties {
                    for target in property.kind.referencedMenus where target != "/interface" && target != path {
                        guard let referenced = schema.spec(for: target) else { continue }
                        #expect(referenced.level <= spec.level, "\(schema.version) \(path) \(name) names \(target) at level \(referenced.level), after \(spec.level)")
                    }
                }
                let parent = String(path[..<path.lastIndex(of: "/")!])
                if spec.origin == .derived, let above = schema.spec(for: parent), above.style == .list, spec.interfaceType == nil {
                    #expect(above.level < spec.level, "\(schema.version) \(path) at \(spec.level), under \(parent) at \(above.level)")
                }
            }
        }
    }

    /// Kinds from RouterOS's descriptions: ranges, intervals, addresses, word lists, lengths.
    @Test(arguments: [
        ("0..4294967295", ValueKind.integer(0...4_294_967_295)),
        ("3s..18h12m15s    (time interval)", .duration(3_000...65_535_000)),
        ("00:00:00.200..    (time interval)", .duration(200...Int64.max)),
        ("time interval", .duration()),
        ("A.B.C.D    (IP address)", .ipAddress(nil)),
        ("none | A.B.C.D    (IP address)", .choice([.enumeration(["none"]), .ipAddress(nil)])),
        ("IPv6/0..128    (IPv6 prefix)", .list(.choice([.ipAddress(nil), .ipPrefix(nil, masked: false)]))),
        ("AB[:|-|.]CD[:|-|.]EF[:|-|.]GH[:|-|.]IJ[:|-|.]KL    (MAC address)", .macAddress),
        ("ip|ipv6[,Afi*]", .list(.enumeration(["ip", "ipv6"]))),
        ("string value, min length 1, max length 255", .text(maxLength: 255)),
    ])
    func describedKinds(description: String, kind: ValueKind) {
        #expect(DescribedKind.kind(from: description) == kind)
    }

    @Test func descriptionsThatSayNothingLeaveTheValueUntyped() {
        #expect(DescribedKind.kind(from: "") == nil)
        #expect(DescribedKind.kind(from: "see documentation") == nil)
        #expect(DescribedKind.kind(from: "script") == nil)
    }

    /// RouterOS treats every value alike in some ways: `yes` is `true`, `010` is `10`, `60s` is `1m`.
    @Test func untypedValuesCompareAsRouterOSReadsThem() {
        #expect(ValueNormalizer.sameValue("yes", "true", as: .untyped))
        #expect(ValueNormalizer.sameValue("010", "10", as: .untyped))
        #expect(ValueNormalizer.sameValue("60s", "1m", as: .untyped))
        #expect(!ValueNormalizer.sameValue("yes", "no", as: .untyped))
        #expect(!ValueNormalizer.sameValue("yes", "true", as: .text()))
        #expect(!ValueNormalizer.sameValue("a", nil, as: .untyped))
    }
}
