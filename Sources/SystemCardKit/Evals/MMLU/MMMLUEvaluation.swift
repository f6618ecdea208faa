import Foundation

/// Multilingual MMLU in 14 languages, zero-shot chain of thought (`systemcard eval mmmlu
/// [--languages fr,de] [--option extraction=reference]`), system card §3: accuracy per language with
/// 95% intervals, unextractable answers per language, and the card's published figures beside ours.
public enum MMMLUEvaluation {
    /// The evaluation's name on the command line and in the card.
    public static let name = "mmmlu"

    /// `systemcard eval mmmlu [--languages fr,de] [--option extraction=reference]`.
    public static let descriptor = EvaluationDescriptor(
        name: name, summary: "Multilingual MMLU (14 languages), zero-shot chain of thought", section: .multilingual,
        options: [
            EvaluationOption("languages", summary: "comma-separated language codes (default: all 14)"),
            ExtractionMode.option,
        ],
        data: [MMMLUData.mmmlu]
    ) { _, options in
        try make(languages: parseLanguages(options["languages"]), extraction: ExtractionMode(option: options["extraction"]))
    }

    /// Published o3-mini system card figures (§3), shown beside measured ones.
    public static let references: [PublishedFigure] = [
        PublishedFigure(metric: "accuracy[language=ar]", model: "o3-mini", value: 0.807, source: source),
        PublishedFigure(metric: "accuracy[language=ar]", model: "o1-mini", value: 0.794, source: source),
        PublishedFigure(
            metric: "accuracy[language=fr]", model: "o3-mini", value: 0.824,
            source: source + " (low end of 0.824-0.826)"),
        PublishedFigure(
            metric: "accuracy[language=fr]", model: "o3-mini", value: 0.826,
            source: source + " (high end of 0.824-0.826)"),
        PublishedFigure(metric: "accuracy[language=fr]", model: "o1-mini", value: 0.8212, source: source),
    ]

    static let source = "OpenAI o3-mini system card, §3 Multilingual"

    /// `fr,de` → [.french, .german]; nil or empty → all 14 MMMLU languages.
    public static func parseLanguages(_ option: String?) throws -> [AnswerLanguage] {
        guard let option, !option.trimmingCharacters(in: .whitespaces).isEmpty else { return AnswerLanguage.mmmlu }
        var languages: [AnswerLanguage] = []
        for code in option.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !code.isEmpty {
            guard let language = AnswerLanguage(code: code), language != .english else {
                throw SystemCardError.invalidInput(
                    "--languages: '\(code)' is not an MMMLU language; use "
                        + AnswerLanguage.mmmlu.map(\.rawValue).joined(separator: ","))
            }
            if !languages.contains(language) { languages.append(language) }
        }
        return languages
    }

    static func make(languages: [AnswerLanguage] = AnswerLanguage.mmmlu, extraction: ExtractionMode = .strict)
        -> Evaluation
    {
        let selected = Set(languages.map(\.rawValue))
        return Evaluation(
            descriptor,
            version: "1",
            summary: "MMLU test set professionally translated into \(languages.count) language(s), zero-shot chain of "
                + "thought, letter found after the language's word for 'Answer' (\(extraction.rawValue) extraction).",
            dataset: MMMLUDataset(languages: languages),
            solver: GenerateSolver(),
            graders: GraderFactory(rules: MultipleChoiceGrader(mode: extraction), model: nil, preferred: .rules),
            metrics: [
                MultipleChoiceMetrics.accuracy(groupBy: ["language", "category"]),
                MultipleChoiceMetrics.unextractable(groupBy: ["language"]),
            ],
            aggregates: MultipleChoiceFigures.aggregates(groupBy: ["language"]),
            options: [
                "languages": languages.map(\.rawValue).joined(separator: ","), "extraction": extraction.rawValue,
            ],
            references: references.filter { reference in
                selected.contains { reference.metric.hasSuffix("language=\($0)]") }
            },
            protocolNote: extraction == .reference
                ? "reference protocol: simple-evals' prompt and answer extraction"
                : "deviation: strict extraction (fixes a known weakness of simple-evals'; run extraction=reference to compare)")
    }
}
