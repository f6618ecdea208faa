/// What a frontend (`eval`, `card`, …) asks for, before any model or evaluation exists: names, specs and
/// settings. ``RunPlanner`` turns it into a ``RunRequest``.
public struct RunPlan: Sendable {
    /// The evaluation's registry name and its options (checked against its declared options).
    public var evaluation: String
    public var options: [String: String]
    /// The evaluated model.
    public var model: ModelEndpoint
    /// Forces the rules grader or the model grader; nil lets ``GraderRule`` decide.
    public var grader: GraderChoice?
    /// The judge model for model-graded evaluations, if the frontend has one.
    public var judge: ModelEndpoint?
    /// Models of the evaluation's named roles; a role the evaluation does not have is an error.
    public var roles: [String: ModelEndpoint]
    public var settings: GenerationSettings
    public var dataDirectory: DataDirectory
    /// Only the first `limit` samples (after the seeded shuffle, when a seed is given).
    public var limit: Int?
    public var epochs: Int
    public var seed: Int?
    public var retryErrors: Bool
    public var noCache: Bool

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
