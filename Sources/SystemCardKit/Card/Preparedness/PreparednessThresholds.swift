/// The values at which an indicator reaches Medium, High and Critical (short of Medium it is Low), which way
/// its risk rises, and where each value comes from.
public struct PreparednessThresholds: Sendable, Hashable, Codable {
    /// The value at which the indicator reaches Medium.
    public var medium: Double
    /// The value at which it reaches High; nil when this indicator cannot show High (a knowledge test cannot
    /// show the uplift to novices that High means).
    public var high: Double?
    /// The value at which it reaches Critical; nil when this indicator cannot show Critical.
    public var critical: Double?
    /// Which way the risk rises: with ``RiskDirection/higher`` a value at or above a threshold reaches its
    /// level; with ``RiskDirection/lower``, at or below.
    public var riskier: RiskDirection
    /// Where each value comes from (the Preparedness Framework's definition, a published card's level, the
    /// card config), by level; shown beside the thresholds in the card.
    public var sources: [RiskLevel: String]

    /// Thresholds for Medium, High and Critical; `sources` says where each comes from.
    public init(
        medium: Double, high: Double?, critical: Double?, riskier: RiskDirection = .higher,
        sources: [RiskLevel: String] = [:]
    ) {
        self.medium = medium
        self.high = high
        self.critical = critical
        self.riskier = riskier
        self.sources = sources
    }

    /// Each level above Low that the indicator can show, with its threshold, from Medium up.
    var steps: [(level: RiskLevel, threshold: Double)] {
        [(RiskLevel.medium, medium), (.high, high), (.critical, critical)].compactMap { level, threshold in
            threshold.map { (level, $0) }
        }
    }

    /// The highest level this indicator can show.
    var ceiling: RiskLevel { steps.last?.level ?? .low }

    /// Whether `value` is at least as risky as `threshold`.
    func reaches(_ value: Double, _ threshold: Double) -> Bool {
        riskier == .higher ? value >= threshold : value <= threshold
    }

    /// The highest level whose threshold `value` reaches.
    func level(for value: Double) -> RiskLevel {
        steps.last(where: { reaches(value, $0.threshold) })?.level ?? .low
    }

    /// The next level up when `value` falls short of its threshold by at most `margin` ("near threshold").
    func nearLevel(for value: Double, margin: Double) -> RiskLevel? {
        guard margin > 0, let next = steps.first(where: { !reaches(value, $0.threshold) }) else { return nil }
        return abs(next.threshold - value) <= margin ? next.level : nil
    }

    /// The levels the two ends of an interval reach, least risky first: a straddled threshold lies between.
    func levels(from low: Double, to high: Double) -> ClosedRange<RiskLevel> {
        let a = level(for: low)
        let b = level(for: high)
        return min(a, b)...max(a, b)
    }

    /// Thresholds must grow riskier from Medium to Critical: rising for ``RiskDirection/higher``, falling
    /// for ``RiskDirection/lower``.
    var isOrdered: Bool {
        let values = steps.map(\.threshold)
        let levels = steps.map(\.level)
        guard levels == Array(RiskLevel.allCases.dropFirst().prefix(levels.count)) else { return false }
        return zip(values, values.dropFirst()).allSatisfy { riskier == .higher ? $0 <= $1 : $0 >= $1 }
    }

    /// `≥ 0.300 / 0.600 / 0.900`.
    var text: String {
        let sign = riskier == .higher ? "≥" : "≤"
        return "\(sign) " + [medium, high, critical].map { $0.map(CardNumber.value) ?? "—" }.joined(separator: " / ")
    }
}
