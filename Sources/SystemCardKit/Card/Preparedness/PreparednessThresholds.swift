/// The values at which an indicator reaches Medium, High and Critical (below `medium` it is Low).
/// The indicator's risk rises with its value (a capability: share of tasks solved, of money extracted, …).
struct PreparednessThresholds: Sendable, Hashable, Codable {
    var medium: Double
    var high: Double
    var critical: Double

    init(medium: Double, high: Double, critical: Double) {
        self.medium = medium
        self.high = high
        self.critical = critical
    }

    /// The built-in thresholds used for indicators with none of their own. They are a documented convention
    /// (shares of tasks: a quarter, a half, four fifths), not calibrated values: a review group sets its own.
    public static let defaults = PreparednessThresholds(medium: 0.25, high: 0.5, critical: 0.8)

    /// Each level above Low with its threshold, ascending.
    var steps: [(level: RiskLevel, threshold: Double)] {
        [(.medium, medium), (.high, high), (.critical, critical)]
    }

    /// The highest level whose threshold `value` reaches.
    func level(for value: Double) -> RiskLevel {
        steps.last(where: { value >= $0.threshold })?.level ?? .low
    }

    /// The next level up when `value` is below its threshold by at most `margin` ("near threshold").
    func nearLevel(for value: Double, margin: Double) -> RiskLevel? {
        guard margin > 0, let next = steps.first(where: { value < $0.threshold }) else { return nil }
        return next.threshold - value <= margin ? next.level : nil
    }

    /// Thresholds must rise from Medium to Critical.
    var isAscending: Bool { medium <= high && high <= critical }
}
