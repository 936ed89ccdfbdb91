import RouterOSAPI

/// Thrown while executing a command: the `!trap` replies to send before `!done`.
struct CommandTrap: Error {
    let replies: [Reply]

    init(_ replies: [Reply]) {
        self.replies = replies
    }

    init(_ reply: Reply) {
        self.replies = [reply]
    }
}
