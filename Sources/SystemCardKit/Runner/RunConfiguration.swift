/// Everything that decides a run's results. Two invocations with the same configuration are the same run
/// (the second resumes the first); `--limit` is not part of it, so a run can be widened later.
public struct RunConfiguration: Sendable, Hashable, Codable {
    /// The evaluation's name.
    public var evaluation: String
    /// The evaluation's version (``Evaluation/version``).
    public var evaluationVersion: String
    /// Evaluation options such as `set=small`.
    public var options: [String: String]
    /// The evaluated model.
    public var model: ModelIdentity
    /// The sampling settings of the evaluated model.
    public var settings: GenerationSettings
    /// `rules`, or the name of a model-graded scorer.
    public var grader: String
    /// The grader's version (``Grader/version``).
    public var graderVersion: String
    /// The judge model when the run is model-graded; nil otherwise.
    public var graderModel: ModelIdentity?
    /// Models of the other named roles (conversation partners), by role name.
    public var roles: [String: ModelIdentity]
    /// Times each sample is run.
    public var epochs: Int
    /// The seed that shuffled the samples, if any.
    public var seed: Int?
    /// Digests of the data files the samples came from.
    public var datasetFiles: [DatasetFileDigest]
    /// The mitigations around the evaluated model (`safety-spec@1`, …); nil without any, so that runs without
    /// mitigations keep the ids they always had.
    public var mitigations: [String]?

    /// Creates a configuration; ``runID`` is derived from all of it.
    public init(
        evaluation: String, evaluationVersion: String, options: [String: String] = [:], model: ModelIdentity,
        settings: GenerationSettings, grader: String, graderVersion: String, graderModel: ModelIdentity?,
        roles: [String: ModelIdentity] = [:], epochs: Int, seed: Int?, datasetFiles: [DatasetFileDigest],
        mitigations: [String]? = nil
    ) {
        self.mitigations = mitigations
        self.evaluation = evaluation
        self.evaluationVersion = evaluationVersion
        self.options = options
        self.model = model
        self.settings = settings
        self.grader = grader
        self.graderVersion = graderVersion
        self.graderModel = graderModel
        self.roles = roles
        self.epochs = epochs
        self.seed = seed
        self.datasetFiles = datasetFiles
    }

    /// `<evaluation>-<12 hex digits>`, derived from the whole configuration.
    public var runID: String {
        let canonical = (try? JSONCoding.string(self)) ?? "\(self)"
        return evaluation + "-" + String(SHA256Digest.hex(canonical).prefix(12))
    }
}
