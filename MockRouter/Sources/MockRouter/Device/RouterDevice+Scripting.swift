import RouterModel
import Foundation
import RouterOSAPI

/// Scripts: `/system/script/run` and the scheduler run them through the device's command path.
extension RouterDevice {
    /// How deep scripts may run scripts (`/system script run` inside a script) before the mock refuses.
    static let maximumScriptDepth = 8

    /// Parses and runs `source` as `user`, each line a command of its own; the error that stopped
    /// it, or nil when it ran to its end. `depth` is the number of scripts already running it.
    func runScript(_ source: String, as user: MockUser, depth: Int) -> ScriptError? {
        guard depth < Self.maximumScriptDepth else { return ScriptError(message: TrapText.scriptNestingTooDeep(Self.maximumScriptDepth)) }
        do {
            var parser = ScriptParser(source: source, schema: schema)
            let statements = try parser.parse()
            let host = DeviceScriptHost(device: self, user: user, depth: depth + 1, generation: currentScriptGeneration)
            try ScriptInterpreter(host: host).run(statements)
            return nil
        } catch {
            return error
        }
    }

    /// Fires the scheduler entries due at `now`, in order, unless device-mode disables the scheduler
    /// or the router is rebooting.
    func fireDueSchedulerEntries(at now: Date) {
        guard deviceMode.scheduler, !isRebooting else { return }
        let entries = readState { $0.tables[Self.schedulerMenu].map { Array($0.ordered) } ?? [] }
        for entry in scheduler.due(entries, at: now) { fire(entry, at: now) }
    }

    static let schedulerMenu = "/system/scheduler"

    /// After a write to the scheduler menu: its entries' timings count from now.
    func noticeSchedulerWrite(_ path: MenuPath) {
        guard path.menu == Self.schedulerMenu, CommandExecution.writingVerbs.contains(path.verb) else { return }
        scheduler.notice(readState { $0.tables[Self.schedulerMenu].map { Array($0.ordered) } ?? [] }, at: Date())
    }

    /// Runs one entry's `on-event` as its owner with full rights, after counting the run: a
    /// script's name runs that script (`/system/script/run`), anything else is script text.
    /// Failures go to standard error, as RouterOS logs them.
    private func fire(_ entry: Entry, at now: Date) {
        let bootedAt = scheduler.bootedAt
        commit { state in
            state.update(entry.number, in: Self.schedulerMenu) { properties in
                properties["run-count"] = String((properties["run-count"].flatMap { Int($0) } ?? 0) + 1)
                properties["next-run"] = CommandExecution.nextRun(of: properties, after: now, bootedAt: bootedAt, version: version)
            }
            return state.tables[Self.schedulerMenu]?.entry(entry.number).map { [ChangeEvent(menu: Self.schedulerMenu, entry: $0, removed: false)] } ?? []
        }
        let owner = MockUser(name: entry.properties["owner"] ?? "admin", password: "", group: .full)
        let onEvent = entry.properties["on-event"] ?? ""
        let namesScript = readState { $0.tables["/system/script"]?.firstNumber(named: onEvent) != nil }
        let failure: String?
        if namesScript {
            failure = ScriptInterpreter.trapMessage(execute(Command("/system/script/run", ["number": onEvent]), as: owner).replies)
        } else {
            failure = runScript(onEvent, as: owner, depth: 0)?.message
        }
        if let failure {
            FileHandle.standardError.write(Data("mock-routeros: scheduler \(entry.properties["name"] ?? entry.id): \(failure)\n".utf8))
        }
    }
}

extension RouterDevice.Outcome {
    /// The replies of a command that does not stream (a streaming one's first rows).
    var replies: [Reply] {
        switch self {
        case .replies(let replies): return replies
        case .stream(var stream): return stream.rest()
        case .follow(let initial, _): return initial + [.done()]
        }
    }
}

/// A script's commands, run through the device as the script's user.
struct DeviceScriptHost: ScriptHost {
    let device: RouterDevice
    let user: MockUser
    /// How many scripts are running each command (for ``RouterDevice/maximumScriptDepth``).
    let depth: Int
    /// The device's script generation when the script started.
    let generation: Int

    func execute(_ command: Command) -> [Reply] {
        device.execute(command, as: user, scriptDepth: depth).replies
    }

    var isCancelled: Bool {
        device.currentScriptGeneration != generation
    }

    var schema: RouterSchema {
        device.schema
    }
}
