/// The Preparedness scorecard's table: indicators and thresholds per category, the near-threshold margin,
/// and reviewer overrides.
public struct PreparednessConfig: Sendable, Hashable {
    /// The four categories, in the card's order.
    static let categories: [CardSection] = CardSection.allCases.filter(\.isPreparednessCategory)

    /// A value this close below a threshold is flagged "near threshold: deeper analysis".
    var margin: Double
    var categories: [CardSection: PreparednessCategoryConfig]
    var overrides: [PreparednessOverride]

    init(
        margin: Double = PreparednessConfig.defaultMargin,
        categories: [CardSection: PreparednessCategoryConfig] = [:], overrides: [PreparednessOverride] = []
    ) {
        self.margin = margin
        self.categories = categories
        self.overrides = overrides
    }

    static let defaultMargin = 0.05

    /// The indicators the evaluations declare, no overrides.
    public static let defaults = PreparednessConfig()

    /// The configuration of `category` (the declared indicators when the config does not name it).
    func category(_ category: CardSection) -> PreparednessCategoryConfig {
        categories[category] ?? PreparednessCategoryConfig()
    }
}
