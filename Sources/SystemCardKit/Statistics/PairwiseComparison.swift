/// One head-to-head comparison of two models (say, a judge preferring one of two answers to the same prompt),
/// the input of `BradleyTerryFit`.
package struct PairwiseComparison: Sendable, Hashable, Codable {
    package enum Outcome: String, Sendable, Hashable, Codable {
        case firstWins = "first"
        case secondWins = "second"
        /// Counted as half a win for each model.
        case tie
    }

    package var first: String
    package var second: String
    package var outcome: Outcome
    /// Optional grouping (task family, dataset) for `BradleyTerryFit.byCategory`.
    package var category: String?

    package init(_ first: String, _ second: String, _ outcome: Outcome, category: String? = nil) {
        self.first = first
        self.second = second
        self.outcome = outcome
        self.category = category
    }
}
