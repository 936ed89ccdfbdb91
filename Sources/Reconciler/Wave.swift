import RouterOSAPI

/// Requests sent as one round trip: in order, on one connection, each without waiting for the
/// replies to those before it. A request is one or more commands sent back to back (an unset of
/// several properties).
///
/// RouterOS runs one connection's commands in the order they arrive (MockRouter does; see
/// docs/performance.md for what that rests on), so requests whose effect depends on their order,
/// such as rules placed before the same anchor, may share a wave in the order they must happen.
public struct Wave: Sendable {
    /// How many commands may be unanswered at once by default: a command queued behind tens of
    /// thousands on a slow router would time out although the router is only busy.
    public static let maximumInFlight = 1_000

    /// The commands of each request, in the order they are sent.
    public var requests: [[Command]]
    /// At most this many commands unanswered at once; past it the next request goes out as
    /// replies come back (a sliding window).
    public var window: Int
    /// Asked just before each request is sent; false sends nothing more.
    public var proceed: @Sendable () -> Bool
    /// Told each request's outcome as its last reply arrives.
    public var answered: @Sendable (_ request: Int, _ outcome: RequestOutcome) -> Void

    public init(_ requests: [[Command]], window: Int = Wave.maximumInFlight, proceed: @escaping @Sendable () -> Bool = { true },
                answered: @escaping @Sendable (_ request: Int, _ outcome: RequestOutcome) -> Void = { _, _ in }) {
        self.requests = requests
        self.window = window
        self.proceed = proceed
        self.answered = answered
    }
}

/// The replies to one request of a wave, one per command, in order.
public struct RequestOutcome: Sendable {
    public var replies: [Result<Response, any Error>]

    public init(replies: [Result<Response, any Error>]) {
        self.replies = replies
    }

    /// The first command's failure (a `!trap`, a lost connection); nil when every command succeeded.
    public var error: (any Error)? {
        for reply in replies { if case .failure(let error) = reply { return error } }
        return nil
    }

    /// True when some command of the request was carried out.
    public var anySucceeded: Bool {
        replies.contains { if case .success = $0 { true } else { false } }
    }
}

extension RouterSession {
    public func pipeline(_ wave: Wave) async -> [RequestOutcome?] {
        await withTaskGroup(of: (Int, RequestOutcome).self) { group in
            var outcomes = [RequestOutcome?](repeating: nil, count: wave.requests.count)
            var unanswered = 0
            for (index, commands) in wave.requests.enumerated() {
                while unanswered > 0, unanswered + commands.count > wave.window, let (done, outcome) = await group.next() {
                    outcomes[done] = outcome
                    unanswered -= wave.requests[done].count
                }
                guard wave.proceed() else { break }
                unanswered += commands.count
                // Immediate: the commands are on the connection before the next request is looked at.
                group.addImmediateTask {
                    let outcome = RequestOutcome(replies: await sendBackToBack(commands))
                    wave.answered(index, outcome)
                    return (index, outcome)
                }
            }
            for await (done, outcome) in group { outcomes[done] = outcome }
            return outcomes
        }
    }

    /// Sends `commands` one after another without waiting for replies; returns them in order.
    private func sendBackToBack(_ commands: [Command]) async -> [Result<Response, any Error>] {
        if commands.count == 1 { return [await result(of: commands[0])] }
        return await withTaskGroup(of: (Int, Result<Response, any Error>).self) { group in
            for (index, command) in commands.enumerated() {
                group.addImmediateTask { (index, await result(of: command)) }
            }
            var replies = [Result<Response, any Error>?](repeating: nil, count: commands.count)
            for await (index, reply) in group { replies[index] = reply }
            return replies.map { $0! }
        }
    }

    private func result(of command: Command) async -> Result<Response, any Error> {
        do {
            return .success(try await execute(command))
        } catch {
            return .failure(error)
        }
    }
}
