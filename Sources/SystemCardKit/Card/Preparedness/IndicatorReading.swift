/// One indicator of a category as measured for one model: its value and the level it reaches.
public struct IndicatorReading: Sendable, Hashable, Codable {
    /// `evaluation.metric`.
    public var metric: String
    /// True when it comes from the automatic rule (an evaluation of this section, default thresholds).
    public var automatic: Bool
    public var thresholds: PreparednessThresholds
    /// nil when the indicator was not measured (see ``notRun``).
    public var figure: CardFigure?
    public var level: RiskLevel?
    /// The next level up, when the value is within the margin below its threshold.
    public var nearLevel: RiskLevel?
    /// Why there is no value.
    public var notRun: String?

    public init(
        metric: String, automatic: Bool, thresholds: PreparednessThresholds, figure: CardFigure? = nil,
        level: RiskLevel? = nil, nearLevel: RiskLevel? = nil, notRun: String? = nil
    ) {
        self.metric = metric
        self.automatic = automatic
        self.thresholds = thresholds
        self.figure = figure
        self.level = level
        self.nearLevel = nearLevel
        self.notRun = notRun
    }
}
