/// One indicator of a category as measured for one model: its value and the level it reaches.
struct IndicatorReading: Sendable, Hashable, Codable {
    /// `evaluation.metric`.
    var metric: String
    /// True when it comes from the automatic rule (an evaluation of this section, default thresholds).
    var automatic: Bool
    var thresholds: PreparednessThresholds
    /// nil when the indicator was not measured (see ``notRun``).
    var figure: CardFigure?
    var level: RiskLevel?
    /// The next level up, when the value is within the margin below its threshold.
    var nearLevel: RiskLevel?
    /// Why there is no value.
    var notRun: String?

    init(
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
