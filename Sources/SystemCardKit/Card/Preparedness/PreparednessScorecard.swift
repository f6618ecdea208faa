/// The Preparedness scorecard of a card: for each system, each category's level pre- and post-mitigation
/// and the verdict.
public struct PreparednessScorecard: Sendable, Hashable, Codable {
    var margin: Double
    /// One scorecard per system, in the order its first model appears in the card.
    public var families: [FamilyScorecard]

    init(margin: Double, families: [FamilyScorecard]) {
        self.margin = margin
        self.families = families
    }
}
