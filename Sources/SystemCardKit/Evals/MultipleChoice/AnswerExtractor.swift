/// Finds the option letter a response chose, in one of two modes (see ``ExtractionMode``).
///
/// ```swift
/// let extractor = AnswerExtractor(mode: .strict)
/// extractor.extract("**Réponse :** $\\boxed{B}$", language: .french, optionCount: 4).letter  // "B"
/// ```
public struct AnswerExtractor: Sendable, Hashable {
    var mode: ExtractionMode

    /// Creates an extractor (strict mode by default).
    public init(mode: ExtractionMode = .strict) {
        self.mode = mode
    }

    /// The option `response` chose among `optionCount` (2-10), or ``ExtractedAnswer/none``.
    public func extract(_ response: String, language: AnswerLanguage, optionCount: Int) -> ExtractedAnswer {
        let count = min(max(optionCount, 2), MultipleChoiceQuestion.letters.count)
        switch mode {
        case .reference: return ReferenceExtraction.extract(response, optionCount: count)
        case .strict: return StrictExtraction.extract(response, language: language, optionCount: count)
        }
    }
}
