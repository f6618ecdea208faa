/// Sample counts of one model's run of one evaluation.
public struct CardRunCounts: Sendable, Hashable, Codable {
    /// Samples × epochs selected.
    public var samples: Int
    public var scored: Int
    /// Errored samples: never scored, in no metric.
    public var errors: Int
    /// Selected samples with no result (the run stopped early).
    public var missing: Int

    public init(samples: Int, scored: Int, errors: Int, missing: Int) {
        self.samples = samples
        self.scored = scored
        self.errors = errors
        self.missing = missing
    }
}
