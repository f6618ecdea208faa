/// The Preparedness scorecard of a card: for each system, each category's level pre- and post-mitigation
/// and the verdict.
public struct PreparednessScorecard: Sendable, Hashable, Codable {
    public var margin: Double
    public var families: [FamilyScorecard]

    public init(margin: Double, families: [FamilyScorecard]) {
        self.margin = margin
        self.families = families
    }
}
