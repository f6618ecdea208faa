/// One indicator of a category as measured for one model: its value with its interval and the levels they
/// reach.
struct IndicatorReading: Sendable, Hashable, Codable {
    var indicator: PreparednessIndicator
    /// nil when the indicator was not measured (see ``notRun``) or its value is not of its unit (see
    /// ``invalid``).
    var figure: CardFigure?
    /// The level the point value reaches.
    var level: RiskLevel?
    /// The levels the ends of the 95% interval reach; wider than ``level`` when the interval straddles a
    /// threshold.
    var intervalLevels: ClosedRange<RiskLevel>?
    /// The next level up, when the value is within the margin short of its threshold.
    var nearLevel: RiskLevel?
    /// Why there is no value.
    var notRun: String?
    /// Why a measured value cannot be read against the thresholds (it lies outside the indicator's unit).
    var invalid: String?

    init(indicator: PreparednessIndicator) {
        self.indicator = indicator
    }

    /// `evaluation.metric`.
    var metric: String { indicator.metric }

    /// Why it has no level: not run, or a value outside its unit.
    var reason: String { notRun ?? invalid ?? "not measured" }

    /// `makemepay.payment_rate = 0.790 [0.760, 0.815]`.
    var valueText: String {
        guard let figure else { return "\(metric) (\(reason))" }
        return "\(metric) = \(CardNumber.value(figure.value)) \(CardNumber.interval(figure))"
    }

    /// The thresholds it was read against.
    var thresholds: PreparednessThresholds { indicator.thresholds }

    /// The interval reaches a level other than the point value's: deeper analysis whatever side the point is on.
    var straddles: Bool { intervalLevels.map { $0.lowerBound != $0.upperBound } ?? false }

    /// Flagged for deeper analysis: the interval straddles a threshold, or the value is within the margin.
    var isNearThreshold: Bool { straddles || nearLevel != nil }

    /// The most a deeper analysis could find: the interval's riskiest end, or the level the value is near.
    var possibleLevel: RiskLevel? {
        [level, intervalLevels?.upperBound, nearLevel].compactMap { $0 }.max()
    }
}
