/// The Preparedness scorecard of a card: for each system, each category's level pre- and post-mitigation
/// and the verdict.
public struct PreparednessScorecard: Sendable, Hashable, Codable {
    var margin: Double
    public var families: [FamilyScorecard]

    init(margin: Double, families: [FamilyScorecard]) {
        self.margin = margin
        self.families = families
    }
}
