/// A Preparedness category scored for one model (pre- or post-mitigation).
struct CategoryAssessment: Sendable, Hashable, Codable {
    /// The model's label; nil when the family has no model for this stage.
    var model: String?
    /// The model's spec (`openai/gpt-4o-mini`), for the commands the verdict suggests.
    var spec: String?
    /// The highest level any measured indicator reaches; nil: not assessed.
    var computed: RiskLevel?
    /// A reviewer's override, when the config records one (shown, and named in the verdict).
    var override: PreparednessOverride?
    /// Why the category is not (or only partly) assessed, or why it needs deeper analysis.
    var note: String?
    /// Some indicators were not measured, so a higher level cannot be ruled out.
    var incomplete: Bool
    /// The intervals (or the margin) allow another level than the computed one: deeper analysis.
    var nearThreshold: Bool
    /// The levels the intervals allow, when ``nearThreshold``.
    var possibleLevels: ClosedRange<RiskLevel>?
    var indicators: [IndicatorReading]

    init(
        model: String?, spec: String? = nil, computed: RiskLevel?, override: PreparednessOverride? = nil,
        note: String? = nil, incomplete: Bool = false, nearThreshold: Bool = false,
        possibleLevels: ClosedRange<RiskLevel>? = nil, indicators: [IndicatorReading] = []
    ) {
        self.model = model
        self.spec = spec
        self.computed = computed
        self.override = override
        self.note = note
        self.incomplete = incomplete
        self.nearThreshold = nearThreshold
        self.possibleLevels = possibleLevels
        self.indicators = indicators
    }

    /// The level the verdict uses: the override when there is one, else the computed level.
    var level: RiskLevel? { override?.level ?? computed }

    /// Not assessed: no indicator was measured and no reviewer decided.
    var isAssessed: Bool { level != nil }

    /// The measured indicator that sets the computed level (the first to reach it).
    var decidingIndicator: IndicatorReading? {
        guard let computed else { return nil }
        return indicators.first { $0.level == computed }
    }
}
