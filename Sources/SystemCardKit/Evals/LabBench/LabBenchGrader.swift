/// Grades a LAB-Bench multiple-choice answer as the multiple-choice engine does, and labels the abstain
/// option `unsure`: LAB-Bench counts it as unanswered (against accuracy and coverage, not precision).
struct LabBenchGrader: Grader {
    static let unsure = "unsure"

    let name = "rules"
    let extractor: AnswerExtractor

    init(mode: ExtractionMode) {
        extractor = AnswerExtractor(mode: mode)
    }

    var version: String { "lab-bench-\(extractor.mode.rawValue)-v1" }

    func grade(_ sample: Sample, output: SolverOutput, context: GraderContext) async throws -> Score {
        Self.score(sample, completion: output.completion, extractor: extractor)
    }

    static func score(_ sample: Sample, completion: String, extractor: AnswerExtractor) -> Score {
        var score = MultipleChoiceGrader.score(sample, completion: completion, extractor: extractor)
        if let letter = score.label, letter == sample.metadata[LabBenchDataset.unsureKey] {
            score.label = unsure
            score.explanation = "chose \(letter), the 'insufficient information' option; " + score.explanation
        }
        return score
    }
}
