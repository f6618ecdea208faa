/// Everything the registry, `systemcard list`, `data fetch` and the card need to know about an
/// evaluation without building it: its name, one-line summary, card section, options, other model roles,
/// the remote data it reads, and its Preparedness indicators. Each evaluation declares one, next to its
/// code, and the registry lists it in one line.
///
/// ```swift
/// public enum MyEvaluation {
///     public static let descriptor = EvaluationDescriptor(
///         name: "my-eval", summary: "What it measures", section: .jailbreaks,
///         options: [EvaluationOption("set", summary: "Which prompts", choices: ["full", "small"], default: "full")]
///     ) { descriptor, options in
///         Evaluation(descriptor, version: "1", summary: "…", dataset: MyDataset(set: options["set"]!),
///                    graders: GraderFactory(rules: MyGrader(), model: nil, preferred: .rules), metrics: […])
///     }
/// }
/// ```
public struct EvaluationDescriptor: Sendable {
    /// The name used on the command line and in the card (`xstest`).
    public let name: String
    /// One line for `systemcard list`.
    public let summary: String
    /// Where its results go in the card.
    public let section: CardSection
    /// The options it accepts; anything else is an error.
    public let options: [EvaluationOption]
    /// Named model roles its solver needs besides the evaluated model (`mark` for MakeMePay), given as
    /// `--role NAME=…` or under `roles:` in a card config.
    public let roles: [String]
    /// The remote datasets it reads, for `systemcard data fetch` (empty for generated evaluations).
    public let data: [DataCatalog.Entry]
    /// The metrics that indicate Preparedness risk, with their direction, unit and thresholds (empty outside
    /// §2). Nothing else counts as an indicator unless a card config names it.
    public let indicators: [PreparednessIndicator]
    /// How the card's quick profile shortens it (``QuickBudget/standard`` unless declared).
    public let quick: QuickBudget
    private let build: @Sendable (EvaluationDescriptor, EvaluationOptions) throws -> Evaluation

    /// Creates a descriptor; `build` makes the evaluation from the descriptor and the checked options.
    /// By default the evaluation has no options, roles, remote data or indicators, and the standard quick budget.
    public init(
        name: String, summary: String, section: CardSection, options: [EvaluationOption] = [],
        roles: [String] = [], data: [DataCatalog.Entry] = [], indicators: [PreparednessIndicator] = [],
        quick: QuickBudget = .standard,
        build: @escaping @Sendable (EvaluationDescriptor, EvaluationOptions) throws -> Evaluation
    ) {
        self.name = name
        self.summary = summary
        self.section = section
        self.options = options
        self.roles = roles
        self.data = data
        self.indicators = indicators.map { $0.declared(by: name, section: section) }
        self.quick = quick
        self.build = build
    }

    /// Checks `options` against the declarations and builds the evaluation.
    public func evaluation(options given: [String: String] = [:]) throws -> Evaluation {
        let declared = Dictionary(options.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for key in given.keys.sorted() {
            guard let option = declared[key] else {
                let accepted = options.isEmpty ? "none" : options.map { "--\($0.name)" }.sorted().joined(separator: ", ")
                throw SystemCardError.invalidInput("\(name) has no option --\(key) (it accepts: \(accepted))")
            }
            try option.check(given[key]!, evaluation: name)
        }
        return try build(self, EvaluationOptions(given: given, declared: options))
    }
}
