/// What a frontend (`eval`, `card`, …) asks for, before any model or evaluation exists: names, specs and
/// settings. ``RunPlanner`` turns it into a ``RunRequest``.
public struct RunPlan: Sendable {
    /// The evaluation's registry name and its options (checked against its declared options).
    public var evaluation: String
    /// The evaluation's options (`set=small`), checked against the ones it declares.
    public var options: [String: String]
    /// The evaluated model.
    public var model: ModelEndpoint
    /// Forces the rules grader or the model grader; nil lets ``GraderRule`` decide.
    public var grader: GraderChoice?
    /// The judge model for model-graded evaluations, if the frontend has one.
    public var judge: ModelEndpoint?
    /// Models of the evaluation's named roles; a role the evaluation does not have is an error.
    public var roles: [String: ModelEndpoint]
    /// Sampling settings of the evaluated model and the other roles (the judge runs at temperature 0).
    public var settings: GenerationSettings
    /// Where the datasets are read from.
    public var dataDirectory: DataDirectory
    /// Only the first `limit` samples (after the seeded shuffle, when a seed is given).
    public var limit: Int?
    /// Times each sample is run (at least 1); a sample's score is the mean over its epochs.
    public var epochs: Int
    /// Shuffles the sample order deterministically (before `limit` applies); recorded with the run.
    public var seed: Int?
    /// Re-run samples whose earlier attempt errored.
    public var retryErrors: Bool
    /// Ignore finished samples and cached calls: ask the endpoint again.
    public var noCache: Bool
    /// Mitigations wrapped around the evaluated model, in order (`safety-spec`, `safety-spec=FILE`,
    /// `hierarchy-guard`; see ``MitigationCatalog``).
    public var mitigations: [String] = []
    /// With a limit: add samples beyond it until every metric row has at least this many (where the data has
    /// them); the card's quick profile sets 5. Not part of the run's identity (a limit never is).
    public var minimumPerMetric: Int?
    /// Only this shard's part of the run (``RunShard``).
    public var shard: RunShard?
    /// Send the calls through the provider's batch API (``BatchSettings``).
    public var batch: BatchSettings?
    /// The content classifier's model for `input-filter` and `output-filter`; nil: the judge.
    public var classifier: ModelEndpoint?

    /// Creates a plan; by default with no options, roles or limit, one epoch, the endpoint's sampling
    /// defaults, the grader ``GraderRule`` picks, and finished samples resumed.
    public init(
        evaluation: String, options: [String: String] = [:], model: ModelEndpoint, grader: GraderChoice? = nil,
        judge: ModelEndpoint? = nil, roles: [String: ModelEndpoint] = [:], settings: GenerationSettings = .init(),
        dataDirectory: DataDirectory, limit: Int? = nil, epochs: Int = 1, seed: Int? = nil,
        retryErrors: Bool = false, noCache: Bool = false
    ) {
        self.evaluation = evaluation
        self.options = options
        self.model = model
        self.grader = grader
        self.judge = judge
        self.roles = roles
        self.settings = settings
        self.dataDirectory = dataDirectory
        self.limit = limit
        self.epochs = epochs
        self.seed = seed
        self.retryErrors = retryErrors
        self.noCache = noCache
    }
}
