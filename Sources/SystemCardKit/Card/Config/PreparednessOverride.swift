/// A reviewer's decision to score a category differently from its indicators. Shown beside the computed
/// level with its rationale and reviewer, and named in the verdict: never applied silently.
struct PreparednessOverride: Sendable, Hashable, Codable {
    var category: CardSection
    var mitigation: MitigationStage
    /// The system it applies to; nil for every family of the card.
    var family: String?
    var level: RiskLevel
    var rationale: String
    var reviewer: String

    init(
        category: CardSection, mitigation: MitigationStage = .post, family: String? = nil, level: RiskLevel,
        rationale: String, reviewer: String
    ) {
        self.category = category
        self.mitigation = mitigation
        self.family = family
        self.level = level
        self.rationale = rationale
        self.reviewer = reviewer
    }
}
