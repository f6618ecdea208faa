/// What an extractor found in a response: the option index (0 = A) or nothing, and the text it matched,
/// for the score's explanation.
public struct ExtractedAnswer: Sendable, Hashable {
    /// The chosen option, 0-based; nil when no valid letter was found.
    public var index: Int?
    /// The matched text after normalisation (`Réponse : B`), or what the reference pattern caught when it
    /// is not an option letter; empty when nothing matched.
    var evidence: String

    init(index: Int?, evidence: String) {
        self.index = index
        self.evidence = evidence
    }

    /// The option letter (`A`…`J`), or nil.
    var letter: String? { index.map { MultipleChoiceQuestion.letter(at: $0) } }

    static let none = ExtractedAnswer(index: nil, evidence: "")
}
