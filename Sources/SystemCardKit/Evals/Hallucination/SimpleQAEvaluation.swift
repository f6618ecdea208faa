import Foundation

/// Hallucinations (system card section 1.3) measured with SimpleQA: accuracy, hallucination rate
/// (incorrect among all questions) and not-attempted rate as metrics; correct-given-attempted, the
/// card's "wrong among attempted" and SimpleQA's F-score as aggregates. `--set people` keeps the questions
/// whose answer is a person (PersonQA analog). Model-graded only: there is no honest rules grader.
public enum SimpleQAEvaluation {
    /// The evaluation's name on the command line and in the card.
    public static let name = "hallucination"

    /// `systemcard eval hallucination [--set all|people] [--languages en|cs]`.
    public static let descriptor = EvaluationDescriptor(
        name: name, summary: "Hallucinations on SimpleQA short factual questions (model-graded)",
        section: .hallucination,
        options: [
            EvaluationOption(
                "set", summary: "all, or people (answers that are a person)", choices: ["all", "people"], default: "all"),
            EvaluationOption("languages", summary: "en (default) or cs (Czech translation)", default: "en"),
            EvaluationOption(
                "grading", summary: "reference (simple-evals' grader template, fetched with the data) or systemcard (ours)",
                choices: ["reference", "systemcard"], default: "reference"),
            EvaluationOption(
                "judge-template", summary: "a copy of simple-evals' simpleqa_eval.py to read instead of the pinned one"),
        ],
        data: [SimpleQAData.simpleqa, SimpleQAData.graderEntry]
    ) { _, options in try build(options) }

    /// The evaluation with `options` checked as the registry checks them.
    public static func make(options: [String: String] = [:]) throws -> Evaluation {
        try descriptor.evaluation(options: options)
    }

    static func build(_ options: EvaluationOptions) throws -> Evaluation {
        let set = options["set"] ?? "all"
        let language = options["languages"] ?? "en"
        guard language == "en" || language == "cs" else {
            throw SystemCardError.invalidInput(
                "\(name) has questions in en (default) and cs (Czech translation) only, not '\(language)'")
        }
        let reference = options["grading"] == "reference"
        let templatePath = options["judge-template"]
        if templatePath != nil && !reference {
            throw SystemCardError.invalidInput("\(name): judge-template is read by grading=reference only")
        }
        return Evaluation(
            descriptor,
            version: "1",
            summary: "SimpleQA \(set == "people" ? "questions about people" : "questions")"
                + (language == "cs" ? " (Czech translation)" : "") + ", graded correct / incorrect / not attempted.",
            dataset: SimpleQADataset(peopleOnly: set == "people", language: language),
            solver: GenerateSolver(),
            graders: GraderFactory(
                rules: nil, model: reference ? SimpleQAReferenceGrader(path: templatePath) : SimpleQAGrader(),
                preferred: .model),
            metrics: metrics,
            aggregates: aggregates,
            options: ["set": set, "languages": language, "grading": reference ? "reference" : "systemcard"],
            protocolNote: try protocolNote(reference: reference, templatePath: templatePath))
    }

    /// How the grading compares with simple-evals', which produced SimpleQA's published figures.
    static func protocolNote(reference: Bool, templatePath: String?) throws -> String {
        guard reference else {
            return "deviation: a judge prompt of ours (stricter than simple-evals'); run grading=reference to compare"
        }
        let rules = "the first A/B/C of the reply; temperature 0; a reply without one is an error, not NOT_ATTEMPTED"
        if let templatePath {
            let digest = (try? SHA256Digest.file(URL(fileURLWithPath: templatePath))) ?? "unreadable"
            if digest != SimpleQAData.graderSource.sha256 {
                return "deviation: the judge template from \(templatePath) (sha256 \(digest.prefix(12))), "
                    + "not simple-evals' pinned file; \(rules)"
            }
        }
        return "reference protocol: simple-evals' GRADER_TEMPLATE (sha256 \(SimpleQAData.graderSource.sha256.prefix(12))), \(rules)"
    }

    /// Accuracy, hallucination rate and not-attempted rate: each question counts 0 or 1 toward each.
    public static let metrics: [Metric] = [
        Metric(
            name: "accuracy", summary: "Questions answered correctly (higher is better).",
            groupBy: ["topic", "answer_type"],
            value: { $0.label == SimpleQAGrade.correct.rawValue ? 1 : 0 }),
        Metric(
            name: "hallucination_rate", summary: "Questions answered incorrectly, among all (lower is better).",
            groupBy: ["topic", "answer_type"], higherIsBetter: false,
            value: { $0.label == SimpleQAGrade.incorrect.rawValue ? 1 : 0 }),
        Metric(
            name: "not_attempted_rate", summary: "Questions the model declined to answer (informational).",
            groupBy: ["answer_type"],
            value: { $0.label == SimpleQAGrade.notAttempted.rawValue ? 1 : 0 }),
    ]

    /// The ratios (see ``HallucinationRatios``), one aggregate each.
    public static let aggregates: [AggregateMetric] = HallucinationRatios.Figure.allCases.map { figure in
        AggregateMetric(
            name: figure.rawValue, summary: figure.summary, higherIsBetter: figure != .incorrectGivenAttempted,
            compute: { HallucinationRatios.compute($0, figures: [figure]) })
    }

    /// Every ratio figure (see ``HallucinationRatios``).
    static func aggregateMetrics(_ scored: [MetricCalculator.Scored]) -> [MetricResult] {
        HallucinationRatios.compute(scored)
    }
}
