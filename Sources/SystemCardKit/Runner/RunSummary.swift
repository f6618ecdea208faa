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
    /// Model calls the run's mitigations made (a filter's classifier), and their tokens.
    public var mitigationCalls: Int = 0
    public var mitigationUsage = TokenUsage()
    /// How often each mitigation action happened (`output-filter: weapons`).
    public var mitigationActions: [String: Int] = [:]
    /// Wall time spent in the mitigations' calls, in milliseconds, over the results.
    public var mitigationMilliseconds: Int = 0
    /// Results in which a mitigation acted (a filter turned the answer into a refusal, …).
    public var mitigatedResults: Int = 0
    /// Mean wall time per result, in milliseconds (a cached call takes almost none).
    public var meanLatencyMilliseconds: Double?
    /// Tokens and calls by role (`model`, `grader`, `mark`…) with each role's model, over the results that recorded
    /// them (empty for runs stored before): priced by a ``PriceTable`` for the run's cost.
    public var usageByRole: [String: RoleUsage] = [:]

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

    enum CodingKeys: String, CodingKey {
        case samples, scored, errors, missing, usage, graderUsage, developerRole, metrics, mitigationCalls
        case mitigationUsage, mitigationActions, mitigatedResults, meanLatencyMilliseconds, mitigationMilliseconds
        case usageByRole
    }

    /// Reads a stored summary; those written before mitigations were tallied have none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        samples = try container.decode(Int.self, forKey: .samples)
        scored = try container.decode(Int.self, forKey: .scored)
        errors = try container.decode(Int.self, forKey: .errors)
        missing = try container.decode(Int.self, forKey: .missing)
        usage = try container.decode(TokenUsage.self, forKey: .usage)
        graderUsage = try container.decode(TokenUsage.self, forKey: .graderUsage)
        developerRole = try container.decode([String: Int].self, forKey: .developerRole)
        metrics = try container.decode([MetricResult].self, forKey: .metrics)
        mitigationCalls = try container.decodeIfPresent(Int.self, forKey: .mitigationCalls) ?? 0
        mitigationUsage = try container.decodeIfPresent(TokenUsage.self, forKey: .mitigationUsage) ?? TokenUsage()
        mitigationActions = try container.decodeIfPresent([String: Int].self, forKey: .mitigationActions) ?? [:]
        mitigatedResults = try container.decodeIfPresent(Int.self, forKey: .mitigatedResults) ?? 0
        mitigationMilliseconds = try container.decodeIfPresent(Int.self, forKey: .mitigationMilliseconds) ?? 0
        meanLatencyMilliseconds = try container.decodeIfPresent(Double.self, forKey: .meanLatencyMilliseconds)
        usageByRole = try container.decodeIfPresent([String: RoleUsage].self, forKey: .usageByRole) ?? [:]
    }

    /// The run's cost at `prices` (by role; models without a price are named).
    public func cost(at prices: PriceTable) -> RunCost { prices.cost(of: usageByRole) }

    /// True when some developer messages were folded into the system message: results must say so.
    public var developerRoleFolded: Bool { (developerRole["folded"] ?? 0) > 0 }
}
