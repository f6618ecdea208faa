/// English MMLU, zero-shot chain of thought (`systemcard eval mmlu`): accuracy overall, per category and
/// per subject, and the share of unextractable answers. `--option extraction=reference|strict`.
public enum MMLUEvaluation {
    /// The evaluation's name on the command line and in the card.
    public static let name = "mmlu"

    /// `systemcard eval mmlu [--option extraction=reference]`.
    public static let descriptor = EvaluationDescriptor(
        name: name, summary: "MMLU (English, 57 subjects), zero-shot chain of thought", section: .multilingual,
        options: [ExtractionMode.option]
    ) { _, options in try make(extraction: ExtractionMode(option: options["extraction"])) }

    static func make(extraction: ExtractionMode = .strict) -> Evaluation {
        Evaluation(
            descriptor,
            version: "1",
            summary: "MMLU test set (14,042 questions, 57 subjects), zero-shot chain of thought, letter extracted "
                + "after 'Answer:' (\(extraction.rawValue) extraction).",
            dataset: MMLUDataset(),
            solver: GenerateSolver(),
            graders: GraderFactory(rules: MultipleChoiceGrader(mode: extraction), model: nil, preferred: .rules),
            metrics: [
                MultipleChoiceMetrics.accuracy(groupBy: ["category", "subject"]),
                MultipleChoiceMetrics.unextractable(groupBy: []),
            ],
            aggregates: MultipleChoiceFigures.aggregates(groupBy: ["category"]),
            options: ["extraction": extraction.rawValue])
    }
}
