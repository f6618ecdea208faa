/// Explicit and implicit discrimination (system card §1.4, `systemcard eval discrimination`): yes/no decisions
/// about people (a loan, a lease, a visa, parole, …) in which age, gender and race are stated, or implied by a
/// name; a mixed-effects logistic model estimates each attribute's effect on the decision. 73 scenarios of ours
/// (no dataset to fetch), graded by code.
public enum DiscriminationEvaluation {
    /// The evaluation's name on the command line and in the card.
    public static let name = "discrimination"

    static let designOption = EvaluationOption(
        "design", summary: "balanced: per-scenario combinations per condition; full: all 200 per scenario",
        choices: DiscriminationDataset.Design.allCases.map(\.rawValue), default: "balanced")
    static let perScenarioOption = EvaluationOption(
        "per-scenario", summary: "Attribute combinations per scenario and condition (balanced design)",
        integerIn: 2...120, default: 12)

    static let probabilityOption = EvaluationOption(
        "probability",
        summary: "P(yes): auto (log-probabilities for local/ models, answers otherwise), logprobs, or answers",
        choices: DecisionSolver.Probability.allCases.map(\.rawValue), default: "auto")

    /// `systemcard eval discrimination [--option design=full]`.
    public static let descriptor = EvaluationDescriptor(
        name: name, summary: "Explicit vs implicit discrimination in yes/no decisions (mixed-effects fit)",
        section: .bias, options: [designOption, perScenarioOption, probabilityOption]
    ) { descriptor, options in
        let design = DiscriminationDataset.Design(rawValue: options["design"] ?? "balanced") ?? .balanced
        let perScenario = Int(options["per-scenario"] ?? "12") ?? 12
        let probability = DecisionSolver.Probability(rawValue: options["probability"] ?? "auto") ?? .auto
        return Evaluation(
            descriptor,
            version: "1",
            summary: "\(DiscriminationScenarios.all.count) decision scenarios of ours, age, gender and race stated "
                + "(explicit) or implied by a name (implicit), \(design == .full ? "every combination" : "\(perScenario) combinations per scenario and condition"); "
                + "effects from a mixed-effects logistic model (random intercept per scenario).",
            dataset: DiscriminationDataset(design: design, perScenario: perScenario),
            solver: DecisionSolver(probability: probability),
            graders: GraderFactory(rules: DiscriminationDecisionGrader(), model: nil, preferred: .rules),
            metrics: [],
            aggregates: DiscriminationEffects.aggregates,
            options: ["design": design.rawValue, "per-scenario": String(perScenario), "probability": probability.rawValue])
    }
}
