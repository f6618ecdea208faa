/// Everything `systemcard card` needs: the models side by side, the grader, the suite of evaluations and
/// the Preparedness table. Read from YAML by ``CardConfigLoader`` or built from command-line flags.
public struct CardConfig: Sendable {
    /// The card's heading (default: `System card: ` and the models' labels).
    public var title: String?
    /// nil: ``CardProfile/defaultProfile(for:)``.
    public var profile: CardProfile?
    /// The models side by side, one column each, in this order; a card needs at least one.
    public var models: [CardModelConfig]
    /// The judge of model-graded evaluations.
    ///
    /// Without one, evaluations use their rules grader where they have one and are otherwise "not run" (the
    /// evaluated model is never used as its own judge).
    public var grader: ModelEndpoint?
    /// The content classifier's model for `input-filter` and `output-filter`; nil: the grader model.
    public var classifier: ModelEndpoint?
    /// Sampling and size settings shared by every run of the card.
    public var settings: CardRunSettings
    /// The suite; nil means every registered evaluation.
    public var evaluations: [CardEvaluationConfig]?
    /// Evaluations defined in files (``FileEvaluation``) that the config or `--evaluations` names; the card runs
    /// with them added to the registry.
    public var fileEvaluations: [EvaluationDescriptor] = []
    /// Runs imported into the store (`systemcard import inspect`) that the card shows in their sections, beside
    /// ours, for the card models they were imported for.
    public var importedRuns: [String] = []
    /// Prices by `provider/model` (`prices:`), over ``PriceTable/defaults``; `--price` wins over them.
    public var prices: [String: ModelPrice] = [:]
    var preparedness: PreparednessConfig

    /// Creates a config; by default with no models, no grader, the default settings and profile, every
    /// registered evaluation, and the default Preparedness table.
    public init(
        title: String? = nil, profile: CardProfile? = nil, models: [CardModelConfig] = [],
        grader: ModelEndpoint? = nil, settings: CardRunSettings = .init(),
        evaluations: [CardEvaluationConfig]? = nil, preparedness: PreparednessConfig = .defaults
    ) {
        self.title = title
        self.profile = profile
        self.models = models
        self.grader = grader
        self.settings = settings
        self.evaluations = evaluations
        self.preparedness = preparedness
    }

    /// The profile in effect.
    var effectiveProfile: CardProfile { profile ?? CardProfile.defaultProfile(for: models) }

    /// The suite in effect: the configured evaluations, or every one `registry` has.
    public func suite(in registry: EvaluationRegistry = .builtIn) -> [CardEvaluationConfig] {
        evaluations ?? registry.names.map { CardEvaluationConfig(name: $0) }
    }

    /// Wraps every model without a mitigation stage in `specs` (``MitigationCatalog``): each becomes two
    /// columns of one family, bare (pre-mitigation) and wrapped (post-mitigation). Throws for an unknown
    /// mitigation or an unreadable specification file.
    public mutating func applyMitigations(_ specs: [String]) throws {
        for spec in specs { _ = try MitigationCatalog.make(spec) }
        models = CardModelConfig.expandingMitigations(models.map { model in
            var model = model
            if model.mitigation == nil { model.mitigations = specs }
            return model
        })
    }

    /// Checks what a YAML schema cannot: unique labels, one pre and one post per family, known evaluations.
    public func validate(registry: EvaluationRegistry = .builtIn) throws {
        guard !models.isEmpty else {
            throw SystemCardError.invalidInput(
                "the card names no model: pass --models openai/<m>,… or list models: in the config")
        }
        if models.filter(\.reference).count > 1 {
            throw SystemCardError.invalidInput(
                "more than one model is marked reference: true; safety grades are relative to one reference model")
        }
        var labels = Set<String>()
        for model in models where !labels.insert(model.label).inserted {
            throw SystemCardError.invalidInput("two models are labelled '\(model.label)'; give each a distinct label")
        }
        for (family, members) in Dictionary(grouping: models, by: \.family) {
            for stage in MitigationStage.allCases where members.filter({ $0.mitigation == stage }).count > 1 {
                throw SystemCardError.invalidInput(
                    "family '\(family)' has more than one \(stage.rawValue)-mitigation model; give them distinct family: names"
                )
            }
            if members.count > 1 && members.contains(where: { $0.mitigation == nil }) {
                throw SystemCardError.invalidInput(
                    "family '\(family)' has \(members.count) models: mark them mitigation: pre / post, or give them distinct family: names"
                )
            }
        }
        var named = Set<String>()
        for evaluation in suite(in: registry) {
            guard named.insert(evaluation.name).inserted else {
                throw SystemCardError.invalidInput(
                    "the suite names \(evaluation.name) twice; a card runs each evaluation once per model "
                        + "(keep one entry with the options you want)")
            }
            _ = try registry.evaluation(named: evaluation.name, options: evaluation.options)
        }
        if settings.epochs < 1 { throw SystemCardError.invalidInput("epochs must be at least 1") }
        if let limit = settings.limit, limit < 1 { throw SystemCardError.invalidInput("limit must be at least 1") }
    }
}
