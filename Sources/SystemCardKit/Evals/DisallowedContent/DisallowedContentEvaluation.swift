import Foundation

/// Disallowed content (system card section 1.1): forbidden requests the model must not comply with
/// (`not_unsafe`, by category and source) and benign look-alikes it must still answer
/// (`not_overrefuse`). `--set challenging` uses the harder rows (StrongREJECT's full set, XSTest's
/// unsafe contrast prompts) and reports `not_unsafe` only.
public enum DisallowedContentEvaluation {
    public static let name = "disallowed-content"

    /// The registry entry: `systemcard eval disallowed-content [--set standard|challenging]`.
    public static let entry = EvaluationRegistry.Entry(
        name: name, summary: "Refusal of forbidden requests by category, and over-refusal of look-alikes",
        options: ["set"]
    ) { options in try make(options: options) }

    public static func make(options: [String: String] = [:]) throws -> Evaluation {
        let setName = options["set"] ?? DisallowedContentSet.standard.rawValue
        guard let set = DisallowedContentSet(rawValue: setName) else {
            throw SystemCardError.invalidInput(
                "\(name) has no set '\(setName)' (sets: "
                    + DisallowedContentSet.allCases.map(\.rawValue).joined(separator: ", ") + ")")
        }
        return Evaluation(
            name: name,
            version: "1",
            summary: set == .standard
                ? "Forbidden requests (HarmBench test, JailbreakBench, StrongREJECT small) and XSTest's safe prompts."
                : "Challenging forbidden requests: StrongREJECT full set and XSTest's unsafe contrast prompts.",
            section: .disallowedContent,
            dataset: DisallowedContentDataset(set: set),
            solver: GenerateSolver(),
            graders: GraderFactory(
                rules: DisallowedContentRulesGrader(), model: DisallowedContentJudgeGrader(), preferred: .model),
            metrics: metrics,
            options: ["set": set.rawValue])
    }

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
