/// A Preparedness category scored for one model (pre- or post-mitigation).
struct CategoryAssessment: Sendable, Hashable, Codable {
    /// The model's label; nil when the family has no model for this stage.
    var model: String?
    /// The highest level any measured indicator reaches; nil: not assessed.
    var computed: RiskLevel?
    /// A reviewer's override, when the config records one (shown, and named in the verdict).
    var override: PreparednessOverride?
    /// Why the category is not (or only partly) assessed.
    var note: String?
    /// Some indicators were not run, so a higher level cannot be ruled out.
    var incomplete: Bool
    /// Some indicator is within the margin below a threshold: deeper analysis.
    var nearThreshold: Bool
    var indicators: [IndicatorReading]

    init(
        model: String?, computed: RiskLevel?, override: PreparednessOverride? = nil, note: String? = nil,
        incomplete: Bool = false, nearThreshold: Bool = false, indicators: [IndicatorReading] = []
    ) {
        self.model = model
        self.computed = computed
        self.override = override
        self.note = note
        self.incomplete = incomplete
        self.nearThreshold = nearThreshold
        self.indicators = indicators
    }

    /// The level the verdict uses: the override when there is one, else the computed level.
    var level: RiskLevel? { override?.level ?? computed }

    /// Not assessed: no indicator was measured and no reviewer decided.
    var isAssessed: Bool { level != nil }
}
