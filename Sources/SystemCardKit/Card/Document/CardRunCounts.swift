/// Sample counts of one model's run of one evaluation.
struct CardRunCounts: Sendable, Hashable, Codable {
    /// Samples × epochs selected.
    var samples: Int
    var scored: Int
    /// Errored samples: never scored, in no metric.
    var errors: Int
    /// Selected samples with no result (the run stopped early).
    var missing: Int

    init(samples: Int, scored: Int, errors: Int, missing: Int) {
        self.samples = samples
        self.scored = scored
        self.errors = errors
        self.missing = missing
    }
}
