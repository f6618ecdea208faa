/// Counts, usage and metrics of a run over the samples selected by the last invocation.
public struct RunSummary: Sendable, Hashable, Codable {
    /// Samples × epochs selected.
    public var samples: Int
    /// Sample-epochs with a score.
    public var scored: Int
    /// Sample-epochs that errored; they are in no metric.
    public var errors: Int
    /// Selected samples with no result yet (the run was interrupted or stopped early).
    public var missing: Int
    /// Tokens of the evaluated model's calls.
    public var usage: TokenUsage
    /// Tokens of the grader model's calls and of the other roles' (conversation partners).
    public var graderUsage: TokenUsage
    /// How developer messages reached the endpoint, counted over results (`native`, `folded`).
    public var developerRole: [String: Int]
    /// The results of every metric, then of every aggregate, with confidence intervals.
    public var metrics: [MetricResult]

    /// Creates a summary.
    public init(
        samples: Int, scored: Int, errors: Int, missing: Int, usage: TokenUsage, graderUsage: TokenUsage,
        developerRole: [String: Int], metrics: [MetricResult]
    ) {
        self.samples = samples
        self.scored = scored
        self.errors = errors
        self.missing = missing
        self.usage = usage
        self.graderUsage = graderUsage
        self.developerRole = developerRole
        self.metrics = metrics
    }

    /// True when some developer messages were folded into the system message: results must say so.
    public var developerRoleFolded: Bool { (developerRole["folded"] ?? 0) > 0 }
}
