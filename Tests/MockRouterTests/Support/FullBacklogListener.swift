#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A TCP listener on 127.0.0.1 that never accepts, its queue of one already taken: the kernel
/// drops every further SYN, so a connect to it neither succeeds nor is refused — it times out,
/// deterministically and without leaving the machine.
final class FullBacklogListener {
    let port: Int
    private var descriptors: [Int32] = []

    init() throws {
        let listener = try Self.socket()
        descriptors.append(listener)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        try withUnsafeMutablePointer(to: &address) { pointer in
            try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
                guard bind(listener, address, length) == 0, listen(listener, 0) == 0,
                      getsockname(listener, address, &length) == 0 else { throw SocketFailure(call: "bind/listen", code: errno) }
            }
        }
        port = Int(UInt16(bigEndian: address.sin_port))
        // A backlog of 0 queues one connection: this one fills the queue.
        let filler = try Self.socket()
        descriptors.append(filler)
        try withUnsafePointer(to: &address) { pointer in
            try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
                guard connect(filler, address, length) == 0 else { throw SocketFailure(call: "connect", code: errno) }
            }
        }
    }

    deinit {
        for descriptor in descriptors { close(descriptor) }
    }

    private static func socket() throws -> Int32 {
        #if canImport(Glibc)
        let descriptor = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let descriptor = Darwin.socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw SocketFailure(call: "socket", code: errno) }
        return descriptor
    }

    struct SocketFailure: Error {
        let call: String
        let code: Int32
    }
}
