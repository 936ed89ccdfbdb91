import NIOConcurrencyHelpers
import RouterModel
import RouterOSAPI

/// The simulated router: its configuration, its users, and the commands it understands.
///
/// Commands from every session run one at a time under one lock, like RouterOS's
/// configuration database; listeners are told of changes after the lock is released.
public final class RouterDevice: Sendable {
    /// What a command produced.
    enum Outcome {
        /// Replies ending in `!done`.
        case replies([Reply])
        /// A command that keeps replying (`listen`, `print follow`): these rows first, then changes to `menu`.
        case follow(initial: [Reply], menu: String)
    }

    /// The RouterOS command tree this device accepts.
    public let schema: RouterSchema
    private let users: [MockUser]
    private let state: NIOLockedValueBox<DeviceState>
    private let listeners = NIOLockedValueBox<[Int: Listener]>([:])
    private let nextListener = NIOLockedValueBox(0)
    private let sessionsOpened = NIOLockedValueBox(0)

    public init(schema: RouterSchema, users: [MockUser]) {
        self.schema = schema
        self.users = users
        self.state = NIOLockedValueBox(DeviceState())
    }

    /// The user with these credentials, or nil.
    func authenticate(name: String, password: String) -> MockUser? {
        users.first { $0.name == name && $0.password == password }
    }

    /// Runs one command (not `/login`, `/cancel` or `/quit`, which belong to the session).
    func execute(_ command: Command, as user: MockUser) -> Outcome {
        guard let path = MenuPath(command: command.path) else {
            return .replies(TrapText.noSuchDirectory(String(command.path.dropFirst())) + [.done()])
        }
        var changes: [ChangeEvent] = []
        let outcome: Outcome
        do {
            outcome = try state.withLockedValue { state in
                var execution = CommandExecution(command: command, path: path, user: user, schema: schema, state: state)
                let result = try execution.run()
                state = execution.state
                changes = execution.changes
                return result
            }
        } catch let trap as CommandTrap {
            outcome = .replies(trap.replies + [.done()])
        } catch {
            outcome = .replies([.trap("\(error)", category: .generalFailure), .done()])
        }
        notify(changes)
        return outcome
    }

    /// Numbers a new session: 1 for the first since the device started.
    func openSession() -> Int {
        sessionsOpened.withLockedValue { $0 += 1; return $0 }
    }

    /// Starts telling `listener` about changes; returns a token for ``removeListener(_:)``.
    func addListener(_ listener: Listener) -> Int {
        let token = nextListener.withLockedValue { $0 += 1; return $0 }
        listeners.withLockedValue { $0[token] = listener }
        return token
    }

    func removeListener(_ token: Int) {
        listeners.withLockedValue { _ = $0.removeValue(forKey: token) }
    }

    private func notify(_ changes: [ChangeEvent]) {
        guard !changes.isEmpty else { return }
        let current = listeners.withLockedValue { Array($0.values) }
        for change in changes {
            for listener in current where listener.menu == change.menu {
                listener.deliver(change)
            }
        }
    }
}

extension RouterDevice {
    /// Users called `name` (the session checks a challenge response against each).
    func users(named name: String) -> [MockUser] {
        users.filter { $0.name == name }
    }
}
