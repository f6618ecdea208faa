/// Scores a multiple-choice answer by code: extracts the chosen letter (``AnswerExtractor``) and compares it
/// with the sample's target. The score's label is the chosen letter, or `unextractable` when none was found
/// (value 0: it is the model's answer, not an error), so reducers such as majority vote can use it.
///
/// Reads `option_count` and `language` from the sample's metadata (set by ``MultipleChoiceQuestion``).
struct MultipleChoiceGrader: Grader {
    /// The label of an answer with no option letter found.
    static let unextractable = "unextractable"

    let name = "rules"
    let extractor: AnswerExtractor

    init(mode: ExtractionMode = .strict) {
        extractor = AnswerExtractor(mode: mode)
    }

    /// Changes with the extraction mode, so strict and reference scores are never mixed.
    var version: String { "mc-\(extractor.mode.rawValue)-v1" }

    func grade(_ sample: Sample, output: SolverOutput, context: GraderContext) async throws -> Score {
        Self.score(sample, completion: output.completion, extractor: extractor)
    }

    /// The score of `completion` for `sample` (synchronous, for tests and benchmarks).
    static func score(_ sample: Sample, completion: String, extractor: AnswerExtractor) -> Score {
        let metadata = sample.metadata
        let optionCount = metadata[MultipleChoiceQuestion.MetadataKey.optionCount].flatMap { Int($0) } ?? 4
        let language = metadata[MultipleChoiceQuestion.MetadataKey.language].flatMap(AnswerLanguage.init(rawValue:))
            ?? .english
        let extracted = extractor.extract(completion, language: language, optionCount: optionCount)
        let target = sample.target ?? ""
        let evidence = RunText.excerpt(extracted.evidence, limit: 60)
        guard let letter = extracted.letter else {
            let reason = extracted.evidence.isEmpty
                ? "no '\(language.rawValue)' answer word followed by an option letter (\(extractor.mode.rawValue))"
                : "matched '\(evidence)' but it is not an option letter (\(extractor.mode.rawValue))"
            return Score(value: 0, label: unextractable, explanation: reason + "; correct \(target)")
        }
        let correct = letter == target
        return Score(
            value: correct ? 1 : 0, label: letter,
            explanation: "answered \(letter) ('\(evidence)', \(extractor.mode.rawValue)); correct \(target)")
    }
}
