/// The `=category=` of a `!trap`, as the RouterOS API documents it.
public enum TrapCategory: Int, Hashable, Sendable, CustomStringConvertible {
    case missingItemOrCommand = 0
    case argumentValueFailure = 1
    case interrupted = 2
    case scriptingFailure = 3
    case generalFailure = 4
    case apiFailure = 5
    case ttyFailure = 6
    case returnValue = 7

    public var description: String {
        switch self {
        case .missingItemOrCommand: return "missing item or command"
        case .argumentValueFailure: return "argument value failure"
        case .interrupted: return "execution of command interrupted"
        case .scriptingFailure: return "scripting related failure"
        case .generalFailure: return "general failure"
        case .apiFailure: return "API related failure"
        case .ttyFailure: return "TTY related failure"
        case .returnValue: return "value generated with :return command"
        }
    }
}
