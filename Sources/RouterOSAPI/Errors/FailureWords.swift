#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NIOCore

/// Says in words why an open connection failed, whatever reported it, without naming a library type.
enum FailureWords {
    static func of(_ error: Error) -> String {
        switch error {
        case let error as RouterOSError: return error.summary
        case let error as ProtocolError: return error.description
        case let error as IOError: return String(cString: strerror(error.errnoCode)).lowercased()
        case ChannelError.eof, ChannelError.ioOnClosedChannel, ChannelError.alreadyClosed: return "the connection was closed"
        default: return "the connection failed"
        }
    }
}
