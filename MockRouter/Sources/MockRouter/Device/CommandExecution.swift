import RouterModel
import RouterOSAPI

/// One command being executed against the device state.
///
/// The execution holds the state itself while it runs and changes it in place; ``DeviceState``
/// remembers how to undo each change, and the device rolls them back when ``run()`` throws, so
/// a trap leaves the router untouched.
struct CommandExecution {
    let command: Command
    var path: MenuPath
    let user: MockUser
    let schema: RouterSchema
    /// The RouterOS version the device was configured as (it may lie between embedded schemas).
    let version: RouterOSVersion
    var state: DeviceState
    /// Entries changed by this command, for listeners.
    var changes: [ChangeEvent] = []
    /// Set by `/system/reset-configuration`: what the device must do once the reply is out.
    var reset: ResetRequest?
    /// Set by `/system/script/run`: the source the device runs once the run is recorded.
    var scriptToRun: String?
    /// The features the router's device-mode allows.
    var deviceMode = DeviceMode()
    /// The rows of `/user/active`: the device's logged-in sessions, not configuration.
    var activeUsers: [Entry] = []

    static let writingVerbs: Set<String> = ["add", "set", "unset", "remove", "move", "enable", "disable", "comment", "reset-configuration"]

    init(command: Command, path: MenuPath, user: MockUser, schema: RouterSchema, version: RouterOSVersion, state: DeviceState) {
        self.command = command
        self.path = path
        self.user = user
        self.schema = schema
        self.version = version
        self.state = state
    }

    var menu: String { path.menu }

    /// What this version's schema says of this menu.
    var spec: MenuSpec? { schema.spec(for: menu) }

    /// True when entries of `menu` are interfaces, listed under `/interface` too.
    func isInterfaceMenu(_ menu: String) -> Bool {
        schema.spec(for: menu)?.interfaceType != nil
    }

    /// The `.id` space of `menu`: interface menus share `/interface`'s.
    func idSpace(of menu: String) -> String {
        isInterfaceMenu(menu) ? "/interface" : menu
    }

    /// True for menus with one unnumbered item (`/system/identity`): no `add`, and `set` takes no `numbers`.
    var isSettingsMenu: Bool {
        schema.arguments(of: "add", in: menu) == nil && schema.arguments(of: "set", in: menu)?["numbers"] == nil
    }

    mutating func run() throws -> RouterDevice.Outcome {
        guard schema.hasMenu(menu) else {
            guard let unknown = MenuPath.firstUnknownComponent(of: menu, menus: schema.menus.keys) else {
                throw CommandTrap(TrapText.noSuchCommand)
            }
            throw CommandTrap(TrapText.noSuchDirectory(unknown))
        }
        let verb = path.verb == "getall" ? "print" : path.verb
        let known = verb == "listen" ? schema.arguments(of: "print", in: menu) != nil : schema.arguments(of: verb, in: menu) != nil
        guard known else { throw CommandTrap(TrapText.noSuchCommand) }
        if Self.writingVerbs.contains(verb), !user.group.mayWrite {
            throw CommandTrap(TrapText.notEnoughPermissions)
        }
        try checkDeviceMode(verb)
        switch verb {
        case "print": return try print()
        case "listen": return try listen()
        case "add": return .replies([.done(ret: try add())])
        case "set": try set(); return .replies([.done()])
        case "unset": try unset(); return .replies([.done()])
        case "remove": try remove(); return .replies([.done()])
        case "move": try move(); return .replies([.done()])
        case "enable", "disable": try enableOrDisable(verb == "disable"); return .replies([.done()])
        case "comment": try comment(); return .replies([.done()])
        case "get": return .replies([.done(ret: try get())])
        case "reset-configuration": try resetConfiguration(); return .replies([.done()])
        case "run" where menu == "/system/script": scriptToRun = try startScript(); return .replies([.done()])
        default: throw CommandTrap(TrapText.notSimulated(command.path))
        }
    }

    // MARK: - Arguments

    /// Refuses any argument the command does not take in this RouterOS version.
    func checkArguments(of verb: String, alsoAccepting extra: Set<String> = []) throws {
        let accepted = schema.arguments(of: verb, in: menu) ?? [:]
        for attribute in command.attributes where accepted[attribute.name] == nil && !extra.contains(attribute.name) {
            throw CommandTrap(TrapText.unknownParameter(attribute.name))
        }
    }

    /// The entries named by `.id` or `numbers` (comma-separated `.id`s, or names in named menus),
    /// each with its menu: under `/interface`, the menu of the interface's type.
    func selectedEntries(argument: String = "numbers") throws -> [(menu: String, number: Int)] {
        let references = (command[".id"] ?? command[argument])?.split(separator: ",").map(String.init) ?? []
        guard !references.isEmpty else { throw CommandTrap(TrapText.missingArgument(argument)) }
        return try references.map { menu == "/interface" ? try locateInterface($0) : (menu, try resolve($0)) }
    }

    /// The number of the entry that `reference` (`*1F` or a name) designates.
    func resolve(_ reference: String, in menu: String? = nil) throws -> Int {
        let table = state.tables[menu ?? self.menu]
        if let number = EntryID.parse(reference), table?.entry(number) != nil { return number }
        if let number = table?.firstNumber(named: reference) { return number }
        throw CommandTrap(TrapText.noSuchItem)
    }

    // MARK: - Rows

    /// How this command's user sees this menu: masking, the `/interface` view, queries and `.proplist`.
    var view: PrintView { PrintView(command: command, menu: menu, user: user, schema: schema) }

    /// The words RouterOS prints for an entry of `menu` (this command's by default) before
    /// queries and `.proplist`: see ``PrintView/row(_:of:withID:)``.
    func printed(_ entry: Entry, of menu: String? = nil, withID: Bool = true) -> [Attribute] {
        view.row(entry, of: menu ?? self.menu, withID: withID)
    }

    /// Records, for listeners, that entry `number` of `menu` was added or changed.
    mutating func recordChange(_ number: Int, in menu: String? = nil) {
        let menu = menu ?? self.menu
        guard let entry = state.tables[menu]?.entry(number) else { return }
        changes.append(ChangeEvent(menu: menu, entry: entry, removed: false))
    }

    /// Records, for listeners, that `entry` of `menu` was removed.
    mutating func recordRemoval(_ entry: Entry, in menu: String) {
        changes.append(ChangeEvent(menu: menu, entry: entry, removed: true))
    }
}
