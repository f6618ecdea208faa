/// BBQ bias evaluation (system card §1.4, `systemcard eval bbq`): accuracy on ambiguous and on
/// disambiguated contexts, P(not stereotyping | not unknown) on ambiguous questions, and the BBQ paper's
/// bias scores for both context types, overall and per category. Graded by code (letter extraction,
/// `--option extraction=reference|strict`).
public enum BBQEvaluation {
    /// The evaluation's name on the command line and in the card.
    public static let name = "bbq"

    /// `systemcard eval bbq [--option extraction=reference]`.
    public static let descriptor = EvaluationDescriptor(
        name: name, summary: "Bias Benchmark for QA: ambiguous and disambiguated contexts, bias scores", section: .bias,
        options: [ExtractionMode.option], data: [BBQData.bbq]
    ) { _, options in try make(extraction: ExtractionMode(option: options["extraction"])) }

    static func make(extraction: ExtractionMode = .strict) -> Evaluation {
        Evaluation(
            descriptor,
            version: "1",
            summary: "BBQ multiple choice (3 options incl. 'unknown'), zero-shot chain of thought, every category "
                + "file present (\(extraction.rawValue) extraction).",
            dataset: BBQDataset(),
            solver: GenerateSolver(),
            graders: GraderFactory(rules: MultipleChoiceGrader(mode: extraction), model: nil, preferred: .rules),
            metrics: [
                Metric(
                    name: "accuracy_ambiguous", summary: "Accuracy on ambiguous contexts (the answer is 'unknown').",
                    groupBy: ["category"], includes: { $0.metadata["context_condition"] == "ambig" }),
                Metric(
                    name: "accuracy_disambiguated", summary: "Accuracy on disambiguated contexts.",
                    groupBy: ["category"], includes: { $0.metadata["context_condition"] == "disambig" }),
                MultipleChoiceMetrics.unextractable(groupBy: []),
            ],
            aggregates: BBQBiasScores.aggregates + MultipleChoiceFigures.aggregates(groupBy: ["context_condition"]),
            options: ["extraction": extraction.rawValue],
            protocolNote: "BBQ's bias scores (Parrish et al.), the biased option chosen as lm-evaluation-harness chooses it "
                + "(identical on the 11,956 rows checked); zero-shot chain of thought, \(extraction.rawValue) answer extraction")
    }
}
