/// What to run: an evaluation, the model (and grader model), and how.
public struct RunRequest: Sendable {
    /// The evaluation to run.
    public var evaluation: Evaluation
    /// The evaluated model, already wrapped with retries and its concurrency limit.
    public var model: any ModelProvider
    /// Sampling settings of the evaluated model and the other roles (the judge runs at temperature 0).
    public var settings: GenerationSettings
    /// Which of the evaluation's graders scores the answers.
    public var grader: GraderChoice
    /// The grader model, required when `grader` is `.model`.
    public var graderModel: (any ModelProvider)?
    /// Models for the evaluation's other named roles (``Evaluation/roles``), e.g. `mark` for MakeMePay.
    public var roles: [String: any ModelProvider]
    /// Where the datasets are read from.
    public var dataDirectory: DataDirectory
    /// Only the first `limit` samples (after the seeded shuffle, when a seed is given).
    public var limit: Int?
    /// Times each sample is run (at least 1); a sample's score is the mean over its epochs.
    public var epochs: Int
    /// Shuffles the sample order deterministically; also recorded with the run.
    public var seed: Int?
    /// Re-run samples whose earlier attempt errored.
    public var retryErrors: Bool
    /// Ignore finished samples and cached calls: ask the endpoint again.
    public var noCache: Bool
    /// Samples worked on at once (the endpoint limiter decides how many requests are really in flight).
    public var concurrency: Int
    /// Stop the run after this many samples in a row failed at the endpoint.
    public var consecutiveErrorLimit: Int
    /// Mitigations wrapped around the evaluated model, in order; part of the run's identity.
    public var mitigations: [any Mitigation] = []
    /// The content classifier's model, for mitigations that call it (``Mitigation/needsClassifier``).
    public var classifierModel: (any ModelProvider)?
    /// With a limit: add samples beyond it until every metric row has at least this many (see ``RunPlan``).
    public var minimumPerMetric: Int?
    /// Only this shard's part of the run's (sample, epoch) pairs (``RunShard``); the run id is the same for all.
    public var shard: RunShard?
    /// Send the calls through the provider's batch API (``BatchSettings``).
    public var batch: BatchSettings?

    /// Creates a request; by default with no limit, one epoch, finished samples resumed, 64 samples at
    /// once, and a stop after 50 endpoint failures in a row.
    public init(
        evaluation: Evaluation, model: any ModelProvider, settings: GenerationSettings = .init(),
        grader: GraderChoice, graderModel: (any ModelProvider)? = nil, roles: [String: any ModelProvider] = [:],
        dataDirectory: DataDirectory,
        limit: Int? = nil, epochs: Int = 1, seed: Int? = nil, retryErrors: Bool = false, noCache: Bool = false,
        concurrency: Int = 64, consecutiveErrorLimit: Int = 50
    ) {
        self.evaluation = evaluation
        self.model = model
        self.settings = settings
        self.grader = grader
        self.graderModel = graderModel
        self.roles = roles
        self.dataDirectory = dataDirectory
        self.limit = limit
        self.epochs = epochs
        self.seed = seed
        self.retryErrors = retryErrors
        self.noCache = noCache
        self.concurrency = concurrency
        self.consecutiveErrorLimit = consecutiveErrorLimit
    }
}

/// What a run ended with.
public struct RunOutcome: Sendable {
    /// The stored run, with its final status and summary.
    public var run: RunRecord
    /// Counts, usage and metrics over the selected samples.
    public var summary: RunSummary
    /// Sample-epochs worked on by this invocation (the rest were resumed).
    public var attempted: Int
    /// The evaluation's published figures, to show beside the measured ones.
    public var references: [PublishedFigure]
    /// For a sharded run, how this shard's own pairs stand (``summary`` covers the whole run, other shards included).
    public var shard: ShardPart?
}

/// A shard's own part of a run after it worked: its pairs, and how many of them errored or have no result.
public struct ShardPart: Sendable, Hashable {
    public var shard: RunShard
    public var pairs = 0
    public var errors = 0
    public var missing = 0

    /// True when every pair of the shard has a scored result.
    public var isComplete: Bool { errors == 0 && missing == 0 }
}
