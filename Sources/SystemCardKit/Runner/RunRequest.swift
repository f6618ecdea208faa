/// What to run: an evaluation, the model (and grader model), and how.
public struct RunRequest: Sendable {
    public var evaluation: Evaluation
    /// The evaluated model, already wrapped with retries and its concurrency limit.
    public var model: any ModelProvider
    public var settings: GenerationSettings
    public var grader: GraderChoice
    /// The grader model, required when `grader` is `.model`.
    public var graderModel: (any ModelProvider)?
    /// Models for the evaluation's other named roles (``Evaluation/roles``), e.g. `mark` for MakeMePay.
    public var roles: [String: any ModelProvider]
    public var dataDirectory: DataDirectory
    /// Only the first `limit` samples (after the seeded shuffle, when a seed is given).
    public var limit: Int?
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
    public var run: RunRecord
    public var summary: RunSummary
    /// Sample-epochs worked on by this invocation (the rest were resumed).
    public var attempted: Int
    public var references: [PublishedFigure]
}
