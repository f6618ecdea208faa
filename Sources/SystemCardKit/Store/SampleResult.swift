import Foundation

/// The outcome of one sample in one epoch of a run: scored, or errored (never both).
public struct SampleResult: Sendable, Hashable, Codable {
    /// Whether the sample was scored or errored.
    public enum Status: String, Sendable, Codable {
        /// The model answered and the grader scored the answer.
        case scored
        /// A model call or the grading failed; the sample is not in any metric.
        case error
    }

    var runID: String
    /// The sample.
    public var sample: Sample
    /// The epoch (1-based).
    public var epoch: Int
    /// The sample's position in the dataset, for stable ordering.
    var ordinal: Int
    /// Whether the sample was scored or errored.
    public var status: Status
    /// The model's final answer (kept for errored grading too, for inspection).
    public var completion: String?
    /// The whole conversation as the solver left it.
    public var transcript: [ChatMessage]
    /// The grader's verdict; nil when the sample errored.
    public var score: Score?
    var grader: String?
    /// What went wrong; nil when the sample was scored.
    public var error: String?
    /// Tokens of the evaluated model's calls for this sample.
    var usage: TokenUsage
    /// Tokens of the grader model's calls for this sample.
    var graderUsage: TokenUsage
    /// How developer messages reached the endpoint in the evaluated model's calls.
    public var developerRole: DeveloperRoleDelivery
    /// True when every model call of the sample came from the cache.
    var cached: Bool
    var latencyMilliseconds: Int
    /// What the run's mitigations did and cost for this sample; nil when the run has none or they did nothing.
    public var mitigation: MitigationTally?
    /// Tokens and calls by role, with each role's model (for the cost); nil for results stored before it was kept.
    public var usageByRole: [String: RoleUsage]?

    init(
        runID: String, sample: Sample, epoch: Int, ordinal: Int, status: Status, completion: String?, transcript: [ChatMessage],
        score: Score?, grader: String?, error: String?, usage: TokenUsage, graderUsage: TokenUsage,
        developerRole: DeveloperRoleDelivery, cached: Bool, latencyMilliseconds: Int, mitigation: MitigationTally? = nil,
        usageByRole: [String: RoleUsage]? = nil
    ) {
        self.mitigation = mitigation
        self.usageByRole = usageByRole
        self.runID = runID
        self.sample = sample
        self.epoch = epoch
        self.ordinal = ordinal
        self.status = status
        self.completion = completion
        self.transcript = transcript
        self.score = score
        self.grader = grader
        self.error = error
        self.usage = usage
        self.graderUsage = graderUsage
        self.developerRole = developerRole
        self.cached = cached
        self.latencyMilliseconds = latencyMilliseconds
    }

    var key: SampleKey { SampleKey(sampleID: sample.id, epoch: epoch) }
}

/// A sample in a given epoch.
public struct SampleKey: Sendable, Hashable, Codable {
    var sampleID: String
    var epoch: Int

    init(sampleID: String, epoch: Int) {
        self.sampleID = sampleID
        self.epoch = epoch
    }
}
