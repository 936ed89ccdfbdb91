import Foundation

/// Runs blocking work (a child process, a pipe read) on its own thread, so it never occupies one of
/// the few threads Swift concurrency shares between all tests (two on a two-core machine).
func offPool<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        Thread { continuation.resume(returning: work()) }.start()
    }
}
