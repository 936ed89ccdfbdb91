import Foundation

/// A deterministic random number generator (SplitMix64): the same seed gives the same cases on
/// every machine, so a failure found by a fuzz test can be replayed.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The seed and size of a fuzz run: fixed by default so the suite is deterministic;
/// `ROSPLAY_FUZZ_SEED` and `ROSPLAY_FUZZ_SCALE` explore further (a failure prints the seed to replay).
public struct FuzzRun: Sendable {
    public let name: String
    public let seed: UInt64
    public let cases: Int

    /// A run of `cases` cases (times `ROSPLAY_FUZZ_SCALE`) from `defaultSeed` (or `ROSPLAY_FUZZ_SEED`), announced on standard output.
    public init(_ name: String, defaultSeed: UInt64, cases: Int) {
        let environment = ProcessInfo.processInfo.environment
        self.name = name
        seed = environment["ROSPLAY_FUZZ_SEED"].flatMap { UInt64($0) } ?? defaultSeed
        self.cases = cases * max(1, environment["ROSPLAY_FUZZ_SCALE"].flatMap { Int($0) } ?? 1)
        print("fuzz \(name): seed \(seed), \(self.cases) cases (replay with ROSPLAY_FUZZ_SEED=\(seed))")
    }

    public var generator: SeededGenerator { SeededGenerator(seed: seed) }
}
