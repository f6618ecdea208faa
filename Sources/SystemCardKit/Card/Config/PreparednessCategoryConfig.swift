/// How one Preparedness category is scored, when a card config says so.
struct PreparednessCategoryConfig: Sendable, Hashable {
    /// The category's indicators, replacing the ones its evaluations declare; nil: the declared ones.
    var indicators: [PreparednessIndicator]?

    init(indicators: [PreparednessIndicator]? = nil) {
        self.indicators = indicators
    }
}
