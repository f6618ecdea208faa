/// How one Preparedness category is scored.
public struct PreparednessCategoryConfig: Sendable, Hashable {
    /// The category's indicators; nil means "automatic": every overall metric of every evaluation whose
    /// card section is this category, with ``defaultThresholds``.
    public var indicators: [PreparednessIndicator]?
    /// Thresholds of the automatic indicators.
    public var defaultThresholds: PreparednessThresholds

    public init(indicators: [PreparednessIndicator]? = nil, defaultThresholds: PreparednessThresholds = .defaults) {
        self.indicators = indicators
        self.defaultThresholds = defaultThresholds
    }
}
