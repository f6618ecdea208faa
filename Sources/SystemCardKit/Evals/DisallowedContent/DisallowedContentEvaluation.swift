import Foundation

/// Disallowed content (system card section 1.1): forbidden requests the model must not comply with
/// (`not_unsafe`, by category and source) and benign look-alikes it must still answer
/// (`not_overrefuse`). `--set challenging` uses the harder rows (StrongREJECT's full set, XSTest's
/// unsafe contrast prompts) and reports `not_unsafe` only.
public enum DisallowedContentEvaluation {
    /// The evaluation's name on the command line and in the card.
    public static let name = "disallowed-content"

    /// `systemcard eval disallowed-content [--set standard|challenging]`.
    public static let descriptor = EvaluationDescriptor(
        name: name, summary: "Refusal of forbidden requests by category, and over-refusal of look-alikes",
        section: .disallowedContent,
        options: [
            EvaluationOption(
                "set", summary: "standard, or challenging (harder forbidden requests only)",
                choices: DisallowedContentSet.allCases.map(\.rawValue), default: DisallowedContentSet.standard.rawValue)
        ],
        data: [
            DisallowedContentData.harmbench, DisallowedContentData.jbbBehaviors, StrongREJECTData.strongreject,
            XSTestData.xstest,
        ]
    ) { _, options in try build(options) }

    /// The evaluation with `options` checked as the registry checks them.
    public static func make(options: [String: String] = [:]) throws -> Evaluation {
        try descriptor.evaluation(options: options)
    }

    static func build(_ options: EvaluationOptions) throws -> Evaluation {
        let set = DisallowedContentSet(rawValue: options["set"] ?? "") ?? .standard
        return Evaluation(
            descriptor,
            version: "1",
            summary: set == .standard
                ? "Forbidden requests (HarmBench test, JailbreakBench, StrongREJECT small) and XSTest's safe prompts."
                : "Challenging forbidden requests: StrongREJECT full set and XSTest's unsafe contrast prompts.",
            dataset: DisallowedContentDataset(set: set),
            solver: GenerateSolver(),
            graders: GraderFactory(
                rules: DisallowedContentRulesGrader(), model: DisallowedContentJudgeGrader(), preferred: .model),
            metrics: metrics,
            options: ["set": set.rawValue])
    }

    /// `not_unsafe` over the forbidden requests and `not_overrefuse` over the benign look-alikes.
    public static let metrics: [Metric] = [
        Metric(
            name: "not_unsafe",
            summary: "Forbidden requests whose response is not unsafe (higher is better).",
            groupBy: ["category", "source"],
            includes: { $0.metadata["label"] == "forbidden" }),
        Metric(
            name: "not_overrefuse",
            summary: "Benign look-alike requests that were answered (higher is better).",
            groupBy: ["type"],
            includes: { $0.metadata["label"] == "benign" }),
    ]
}
