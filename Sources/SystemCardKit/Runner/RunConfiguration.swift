/// Everything that decides a run's results. Two invocations with the same configuration are the same run
/// (the second resumes the first); `--limit` is not part of it, so a run can be widened later.
public struct RunConfiguration: Sendable, Hashable, Codable {
    public var evaluation: String
    public var evaluationVersion: String
    /// Evaluation options such as `set=small`.
    public var options: [String: String]
    public var model: ModelIdentity
    public var settings: GenerationSettings
    /// `rules`, or the name of a model-graded scorer.
    public var grader: String
    public var graderVersion: String
    public var graderModel: ModelIdentity?
    /// Models of the other named roles (conversation partners), by role name.
    public var roles: [String: ModelIdentity]
    public var epochs: Int
    public var seed: Int?
    public var datasetFiles: [DatasetFileDigest]

    public init(
        evaluation: String, evaluationVersion: String, options: [String: String] = [:], model: ModelIdentity,
        settings: GenerationSettings, grader: String, graderVersion: String, graderModel: ModelIdentity?,
        roles: [String: ModelIdentity] = [:], epochs: Int, seed: Int?, datasetFiles: [DatasetFileDigest]
    ) {
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
