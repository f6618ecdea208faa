/// A reviewer's decision to score a category differently from its indicators. Shown beside the computed
/// level with its rationale and reviewer, and named in the verdict: never applied silently.
public struct PreparednessOverride: Sendable, Hashable, Codable {
    public var category: CardSection
    public var mitigation: MitigationStage
    /// The system it applies to; nil for every family of the card.
    public var family: String?
    public var level: RiskLevel
    public var rationale: String
    public var reviewer: String

    public init(
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
