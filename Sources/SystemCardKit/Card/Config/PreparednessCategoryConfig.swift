/// How one Preparedness category is scored.
struct PreparednessCategoryConfig: Sendable, Hashable {
    /// The category's indicators; nil means "automatic": every overall metric of every evaluation whose
    /// card section is this category, with ``defaultThresholds``.
    var indicators: [PreparednessIndicator]?
    /// Thresholds of the automatic indicators.
    var defaultThresholds: PreparednessThresholds

    init(indicators: [PreparednessIndicator]? = nil, defaultThresholds: PreparednessThresholds = .defaults) {
        self.indicators = indicators
        self.defaultThresholds = defaultThresholds
    }
}
