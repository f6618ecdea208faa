/// An evaluation: a dataset, a solver that drives the model, graders that score the answers, and the
/// metrics reported. Versioned, so results of different versions are never mixed.
public struct Evaluation: Sendable {
    /// The name used on the command line, in stored runs and in the card (`xstest`).
    public var name: String
    /// Bumped when samples, prompts or scoring change.
    public var version: String
    /// What exactly is run (data, prompting, grading), in a sentence or two shown with the results.
    public var summary: String
    /// The system card section the results belong to.
    public var section: CardSection
    /// Where the samples come from.
    public var dataset: any Dataset
    /// How the model is driven for each sample (by default one ``GenerateSolver`` call).
    public var solver: any Solver
    /// Builds the grader for `--grader rules` or `--grader <model>`.
    public var graders: GraderFactory
    /// Figures averaged per sample, reported in this order.
    public var metrics: [Metric]
    /// Figures computed over the whole run rather than averaged per sample (reported after `metrics`).
    public var aggregates: [AggregateMetric]
    /// Options that select a variant (`set=challenging`), stored with the run.
    public var options: [String: String]
    /// Named model roles the solver needs besides the evaluated model (e.g. `mark` for MakeMePay), each
    /// given on the command line as `--role NAME=openai/<model>`.
    public var roles: [String]
    /// Published reference figures shown beside measured ones (never mixed with them).
    public var references: [PublishedFigure]
    /// Metadata key of samples that belong together (StrongREJECT: `prompt_id`, one prompt crossed with every
    /// technique). `--seed` then shuffles whole groups, keeping each group's samples adjacent and in order, so a
    /// seeded `--limit` still crosses its prompts with every technique.
    public var sampleGroup: String?
    /// True when its solver runs commands in a sandbox: the run checks that sandboxes work here before any
    /// model call, and never runs a model's commands without one.
    public var usesSandbox = false
    /// The Preparedness indicators its descriptor declares.
    public var indicators: [PreparednessIndicator] = []
    /// How the measurement compares with the protocol behind the published figures shown beside it:
    /// `reference protocol (…)`, or the deviation in a few words. Printed beside the figures in the card.
    public var protocolNote: String?

    /// An evaluation of `descriptor`: its name, section and roles come from the descriptor (`roles`: the
    /// ones this variant needs, when its options leave some of the declared roles out).
    public init(
        _ descriptor: EvaluationDescriptor, version: String, summary: String, dataset: any Dataset,
        solver: any Solver = GenerateSolver(), graders: GraderFactory, metrics: [Metric],
        aggregates: [AggregateMetric] = [], options: [String: String] = [:], references: [PublishedFigure] = [],
        sampleGroup: String? = nil, usesSandbox: Bool = false, roles: [String]? = nil, protocolNote: String? = nil
    ) {
        self.init(
            name: descriptor.name, version: version, summary: summary, section: descriptor.section, dataset: dataset,
            solver: solver, graders: graders, metrics: metrics, aggregates: aggregates, options: options,
            roles: roles ?? descriptor.roles, references: references, sampleGroup: sampleGroup)
        self.usesSandbox = usesSandbox
        self.indicators = descriptor.indicators
        self.protocolNote = protocolNote
    }

    /// An evaluation outside the registry (benchmarks, tests).
    public init(
        name: String, version: String, summary: String, section: CardSection, dataset: any Dataset,
        solver: any Solver = GenerateSolver(),
        graders: GraderFactory, metrics: [Metric], aggregates: [AggregateMetric] = [], options: [String: String] = [:],
        roles: [String] = [],
        references: [PublishedFigure] = [], sampleGroup: String? = nil
    ) {
        self.name = name
        self.version = version
        self.summary = summary
        self.section = section
        self.dataset = dataset
        self.solver = solver
        self.graders = graders
        self.metrics = metrics
        self.aggregates = aggregates
        self.options = options
        self.roles = roles
        self.references = references
        self.sampleGroup = sampleGroup
    }
}

/// Which grader a run uses, chosen on the command line.
public enum GraderChoice: Sendable, Hashable {
    /// The evaluation's code or rules grader (no model needed).
    case rules
    /// Model-graded, with the grader model role.
    case model
}

/// Makes an evaluation's graders. `model` is nil for evaluations graded only by code.
public struct GraderFactory: Sendable {
    /// The grader that needs no model (code or rules), if the evaluation has one.
    public var rules: (any Grader)?
    /// The grader that asks the grader model, if the evaluation has one.
    public var model: (any Grader)?
    /// What the evaluation uses when the user names no grader.
    public var preferred: GraderChoice

    /// Creates a factory from the evaluation's graders and the kind it prefers.
    public init(rules: (any Grader)?, model: (any Grader)?, preferred: GraderChoice) {
        self.rules = rules
        self.model = model
        self.preferred = preferred
    }

    /// The grader for a choice, or a clear error when the evaluation has none of that kind.
    public func grader(for choice: GraderChoice, evaluation: String) throws -> any Grader {
        switch choice {
        case .rules:
            guard let rules else {
                throw SystemCardError.invalidInput(
                    RunPlanningError.grader(evaluation: evaluation, .noRulesGrader).description)
            }
            return rules
        case .model:
            guard let model else {
                throw SystemCardError.invalidInput(
                    RunPlanningError.grader(evaluation: evaluation, .noModelGrader).description)
            }
            return model
        }
    }
}

/// A figure from a published system card, shown beside ours and marked as published, not measured.
public struct PublishedFigure: Sendable, Hashable, Codable {
    /// The metric's label as it is reported here (`payment_rate`, `accuracy[language=fr]`).
    public var metric: String
    /// The model the figure was published for (`o3-mini`).
    public var model: String
    /// The published value, on the metric's scale.
    public var value: Double
    /// Where it was published (`OpenAI o3-mini system card, MakeMePay`).
    public var source: String

    /// Creates a published figure.
    public init(metric: String, model: String, value: Double, source: String) {
        self.metric = metric
        self.model = model
        self.value = value
        self.source = source
    }
}
