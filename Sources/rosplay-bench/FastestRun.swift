/// The fastest of a few runs of a measurement: on a machine shared with other work, the slower
/// runs were slowed by someone else. A run longer than ``patience`` is not repeated (long runs
/// vary less, and the default run must stay short).
enum FastestRun {
    static let patience = Duration.seconds(2)

    static func of<T>(_ times: Int, elapsed: (T) -> Duration, _ body: () async throws -> T?) async throws -> T? {
        var fastest: T?
        for _ in 0..<max(1, times) {
            guard let run = try await body() else { return fastest }
            if fastest.map({ elapsed(run) < elapsed($0) }) ?? true { fastest = run }
            if elapsed(run) > patience { break }
        }
        return fastest
    }
}
