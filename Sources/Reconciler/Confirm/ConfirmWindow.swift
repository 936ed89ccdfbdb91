import Playbook
import RouterModel
import RouterOSAPI

/// The window of `apply --confirm-within`, and the rule that refuses one too short for the plan
/// before anything is changed: a revert that fires while the apply is still sending would meet
/// half an apply, and the router would end in neither state.
///
/// The rule: applying, verifying and confirming take about one round trip per operation, per
/// level (a wave), per menu the verify reads, and ten more (arming, the verify's repair, the
/// confirm's new connection and its commands), each round trip as long as the slowest of the
/// arming's own commands. The window must be at least three times that, and never under 10 s.
public struct ConfirmWindow: Sendable {
    /// No window is shorter, however fast the router.
    public static let floor: Duration = .seconds(10)
    /// The window must be this many times the estimate.
    public static let factor = 3
    /// Round trips of arming, repairing and confirming, besides those the plan's size sets.
    public static let fixedRoundTrips = 10

    /// What the user asked for.
    public let requested: Duration
    /// Round trips the whole apply is estimated to take.
    public let roundTrips: Int
    /// The plan's size, for the refusal: operations and levels.
    let operations: Int
    let levels: Int

    public init(_ requested: Duration, plan: Plan, desired: DesiredState, schema: RouterSchema) {
        self.requested = requested
        operations = plan.operations.count
        levels = plan.levels.count
        roundTrips = operations + levels + Snapshot.menusToRead(desired, schema: schema).count + Self.fixedRoundTrips
    }

    /// The time to apply, verify and confirm when a round trip takes `roundTrip`.
    public func estimate(roundTrip: Duration) -> Duration {
        roundTrip * roundTrips
    }

    /// The shortest window allowed when a round trip takes `roundTrip`, in whole seconds.
    public func minimum(roundTrip: Duration) -> Duration {
        let needed = estimate(roundTrip: roundTrip) * Self.factor
        let seconds = needed.components.seconds + (needed.components.attoseconds > 0 ? 1 : 0)
        return max(Self.floor, .seconds(seconds))
    }

    /// Refuses the window when it is shorter than ``minimum(roundTrip:)``, saying what to pass.
    func check(roundTrip: Duration) throws {
        let minimum = minimum(roundTrip: roundTrip)
        guard requested < minimum else { return }
        throw ConfirmError(reason: "\(requested.secondsText) is too short for this plan: \(operations) operation(s) in \(levels) level(s), "
            + "at \(roundTrip.secondsText) a round trip, take about \(estimate(roundTrip: roundTrip).secondsText) to apply, verify and confirm, "
            + "and the window must be at least \(Self.factor) times that and never under \(Self.floor.secondsText): "
            + "pass at least --confirm-within \(minimum.secondsText)")
    }
}
