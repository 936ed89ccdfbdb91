#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NIOCore
import NIOPosix

extension RouterOSError {
    /// What a failed TCP connect to `target` means, in codes and words: the socket error is
    /// kept as ``underlying``, never shown with its type or its errno.
    static func connecting(_ error: Error, to target: RouterAddress, within timeout: Duration) -> RouterOSError {
        var mapped = connectFailure(error, timeout: timeout)
        mapped.target = target
        mapped.underlying = error
        return mapped
    }

    private static func connectFailure(_ error: Error, timeout: Duration) -> RouterOSError {
        switch error {
        case ChannelError.connectTimeout:
            return RouterOSError(.timedOut, stage: .connect, timeout: timeout)
        case let error as IOError:
            return connectFailure(errno: error.errnoCode, timeout: timeout)
        case is SocketAddressError:
            return RouterOSError(.nameNotResolved, stage: .connect)
        case let error as NIOConnectionError:
            // Each address the name resolved to failed: the most telling failure speaks for all.
            let failures = error.connectionErrors.map { connectFailure($0.error, timeout: timeout) }
            guard let telling = failures.min(by: { rank($0.code) < rank($1.code) }) else {
                return RouterOSError(.nameNotResolved, stage: .connect)
            }
            return telling
        default:
            return RouterOSError(.connectFailed, stage: .connect)
        }
    }

    private static func connectFailure(errno code: Int32, timeout: Duration) -> RouterOSError {
        switch code {
        case ECONNREFUSED: return RouterOSError(.connectionRefused, stage: .connect)
        case EHOSTUNREACH, EHOSTDOWN: return RouterOSError(.hostUnreachable, stage: .connect)
        case ENETUNREACH, EADDRNOTAVAIL: return RouterOSError(.networkUnreachable, stage: .connect)
        case ETIMEDOUT: return RouterOSError(.timedOut, stage: .connect, timeout: timeout)
        default: return RouterOSError(.connectFailed, stage: .connect, reason: String(cString: strerror(code)).lowercased())
        }
    }

    /// Which failure to report when several addresses failed: one that shows the router is
    /// there (refused) before one that shows it is not reachable.
    private static func rank(_ code: Code) -> Int {
        [Code.connectionRefused, .timedOut, .hostUnreachable, .networkUnreachable, .connectFailed].firstIndex(of: code) ?? 99
    }
}
