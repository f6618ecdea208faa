/// The metrics every multiple-choice evaluation reports through the engine.
enum MultipleChoiceMetrics {
    /// Share of answers with the correct letter, overall and per `groupBy` field.
    /// `higherIsBetter: false` for hazardous knowledge, where a higher figure means more capability to misuse.
    static func accuracy(
        groupBy: [String], higherIsBetter: Bool = true, includes: @escaping @Sendable (Sample) -> Bool = { _ in true }
    ) -> Metric {
        Metric(
            name: "accuracy", summary: "Answers with the correct option letter (unextractable answers count as wrong).",
            groupBy: groupBy, higherIsBetter: higherIsBetter, includes: includes)
    }

    /// Share of answers where no option letter could be extracted (lower is better). Its count is
    /// `value × n` per sample-mean; ``MultipleChoiceFigures/unextractableCounts(_:groupBy:)`` gives it exactly.
    static func unextractable(groupBy: [String]) -> Metric {
        Metric(
            name: "unextractable", summary: "Answers with no option letter found (lower is better).",
            groupBy: groupBy, higherIsBetter: false,
            value: { $0.label == MultipleChoiceGrader.unextractable ? 1 : 0 })
    }
}
