/// One model's results on one evaluation: its figures, or why it was not run.
struct CardModelResult: Sendable, Hashable, Codable {
    /// The model's column label.
    var model: String
    /// nil when measured; otherwise why not (`dataset file … not found … Run \`systemcard data fetch X\``,
    /// `needs a grader model`, …).
    var notRun: String?
    var runId: String?
    /// `rules` or the model grader's name, and its version.
    var grader: String?
    var graderVersion: String?
    var graderModel: String?
    var epochs: Int
    var limit: Int?
    var seed: Int?
    var counts: CardRunCounts?
    var usage: TokenUsage?
    var graderUsage: TokenUsage?
    /// Samples whose developer messages were folded into the system message.
    var developerRoleFolded: Int
    var datasetFiles: [DatasetFileDigest]
    /// Overall figures first, then per group, in the evaluation's metric order.
    var figures: [CardFigure]
    /// A few failed samples (all when fewer), for the card's example section.
    var examples: [CardExample]
    /// Mean wall time per result, in milliseconds.
    var meanLatencyMilliseconds: Double?
    /// What the model's mitigations did and cost over the run; nil without mitigations.
    var mitigationCost: CardMitigationCost?
    /// The judge's (or its classifier's) measured agreement with human labels, when `systemcard validate` measured
    /// this grader version with this judge model: "refusal judge: agreement 0.93, … (validated 2026-12-07)".
    var judgeValidation: String?
    /// The evaluation's other roles that the evaluated model played itself (a card of local models only, where
    /// no other model was configured for them); nil when none.
    var standIns: [String]?
    /// What the run cost by role, at the card's prices; nil when it recorded no usage by role.
    var cost: RunCost?

    init(
        model: String, notRun: String? = nil, runId: String? = nil, grader: String? = nil, graderVersion: String? = nil,
        graderModel: String? = nil, epochs: Int = 1, limit: Int? = nil, seed: Int? = nil, counts: CardRunCounts? = nil,
        usage: TokenUsage? = nil, graderUsage: TokenUsage? = nil, developerRoleFolded: Int = 0,
        datasetFiles: [DatasetFileDigest] = [], figures: [CardFigure] = [], examples: [CardExample] = [],
        meanLatencyMilliseconds: Double? = nil, mitigationCost: CardMitigationCost? = nil, judgeValidation: String? = nil,
        standIns: [String]? = nil, cost: RunCost? = nil
    ) {
        self.cost = cost
        self.judgeValidation = judgeValidation
        self.standIns = standIns
        self.meanLatencyMilliseconds = meanLatencyMilliseconds
        self.mitigationCost = mitigationCost
        self.model = model
        self.notRun = notRun
        self.runId = runId
        self.grader = grader
        self.graderVersion = graderVersion
        self.graderModel = graderModel
        self.epochs = epochs
        self.limit = limit
        self.seed = seed
        self.counts = counts
        self.usage = usage
        self.graderUsage = graderUsage
        self.developerRoleFolded = developerRoleFolded
        self.datasetFiles = datasetFiles
        self.figures = figures
        self.examples = examples
    }

    /// A result for a model that was not run, with the reason.
    static func notRun(model: String, reason: String) -> CardModelResult {
        CardModelResult(model: model, notRun: reason)
    }

    /// The figure with this label (`metric` or `metric[field=value]`), when measured.
    func figure(_ label: String) -> CardFigure? {
        figures.first(where: { $0.label == label })
    }
}
