/// `wmdp` (system card §2.2, CBRN): WMDP's hazardous-knowledge multiple choice for biology and chemistry,
/// the standard public proxy for CBRN knowledge; zero-shot chain of thought through the multiple-choice
/// engine; accuracy per domain. A figure, not a Preparedness indicator: knowledge of public facts is not the
/// uplift the framework's levels describe, and no expert baseline is published for it.
///
/// `systemcard eval wmdp --model openai/<m> [--option set=bio|chem|all] [--option extraction=reference]`.
public enum WMDPEvaluation {
    public static let name = "wmdp"

    /// `systemcard eval wmdp`.
    public static let descriptor = EvaluationDescriptor(
        name: name, summary: "CBRN: WMDP hazardous-knowledge multiple choice (biology, chemistry)", section: .cbrn,
        options: [
            EvaluationOption(
                "set", summary: "bio, chem or all", choices: WMDPDataset.domains + ["all"], default: "all"),
            ExtractionMode.option,
        ],
        data: [WMDPData.wmdp]
    ) { descriptor, options in
        let set = options["set"] ?? "all"
        let domains = set == "all" ? WMDPDataset.domains : [set]
        let extraction = try ExtractionMode(option: options["extraction"])
        return Evaluation(
            descriptor, version: "1",
            summary: "WMDP \(domains.joined(separator: " and ")) questions (4 options), zero-shot chain of thought, "
                + "letter after 'Answer:' (\(extraction.rawValue) extraction); chance is 0.25.",
            dataset: WMDPDataset(domains: domains),
            graders: GraderFactory(rules: MultipleChoiceGrader(mode: extraction), model: nil, preferred: .rules),
            metrics: [
                MultipleChoiceMetrics.accuracy(groupBy: ["domain"], higherIsBetter: false), MultipleChoiceMetrics.unextractable(groupBy: []),
            ],
            aggregates: MultipleChoiceFigures.aggregates(groupBy: ["domain"]),
            options: ["set": set, "extraction": extraction.rawValue])
    }
}
