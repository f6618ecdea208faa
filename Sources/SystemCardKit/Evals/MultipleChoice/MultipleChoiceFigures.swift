/// Figures computed at the end of a multiple-choice run from every scored epoch, beside the engine's
/// per-sample means: cons@k (majority vote of the first k epochs), pass@k (unbiased estimator over all
/// epochs) and the count of unextractable answers, overall and per metadata field.
///
/// Each result is a ``MetricResult`` like the engine's: cons@k and pass@k are means over samples with
/// a 95% interval (Wilson for 0/1 values, t otherwise); `unextractable_count` is a count (value = count,
/// interval = the count, n = answers graded).
enum MultipleChoiceFigures {
    /// The aggregates a multiple-choice evaluation reports: the unextractable count always; cons@k and
    /// pass@k with k = the run's epochs, when it has 2 or more.
    static func aggregates(groupBy: [String]) -> [AggregateMetric] {
        [
            AggregateMetric(
                name: "unextractable_count", summary: "Answers with no option letter found (a count).",
                higherIsBetter: false, compute: { unextractableCounts($0, groupBy: groupBy) }),
            AggregateMetric(
                name: "cons@k", summary: "Majority vote of the k epochs is correct (k = epochs; needs 2 or more).",
                compute: { scored in
                    let k = EpochFigures.epochCount(scored)
                    return k >= 2 ? consensus(scored, k: k, groupBy: groupBy) : []
                }),
            .passAtK(
                summary: "At least one of k attempts correct, unbiased estimator (k = epochs).", groupBy: groupBy),
        ]
    }

    /// cons@k, pass@k for each requested k, and the unextractable count, overall and per field.
    static func compute(
        _ scored: [MetricCalculator.Scored], consensusK: [Int] = [], passK: [Int] = [], groupBy: [String] = []
    ) -> [MetricResult] {
        consensusK.flatMap { consensus(scored, k: $0, groupBy: groupBy) }
            + passK.flatMap { EpochFigures.passAtK(scored, k: $0, groupBy: groupBy) }
            + unextractableCounts(scored, groupBy: groupBy)
    }

    /// cons@k: per sample, 1 when the majority answer of its first k epochs is the target. Samples with
    /// fewer than k scored epochs are left out (n says how many counted).
    static func consensus(_ scored: [MetricCalculator.Scored], k: Int, groupBy: [String]) -> [MetricResult] {
        guard k >= 1 else { return [] }
        let values = EpochFigures.bySample(scored).compactMap { item -> (sample: Sample, value: Double)? in
            guard item.epochs.count >= k else { return nil }
            let answers = item.epochs.prefix(k).map { answer(of: $0.score) }
            return (item.sample, EpochReducers.consensus(answers, target: item.sample.target))
        }
        return EpochFigures.grouped("cons@\(k)", values, groupBy: groupBy)
    }

    /// The number of answers (sample × epoch) labelled unextractable, overall and per field.
    static func unextractableCounts(_ scored: [MetricCalculator.Scored], groupBy: [String]) -> [MetricResult] {
        func count(_ items: [MetricCalculator.Scored], group: MetricResult.Group?) -> MetricResult {
            let value = Double(items.filter { $0.score.label == MultipleChoiceGrader.unextractable }.count)
            return MetricResult(
                name: "unextractable_count", group: group, value: value, ciLow: value, ciHigh: value, n: items.count)
        }
        var results = [count(scored, group: nil)]
        for field in groupBy {
            let groups = Dictionary(grouping: scored, by: { $0.sample.metadata[field] ?? "" })
            for (value, members) in groups.sorted(by: { $0.key < $1.key }) {
                results.append(count(members, group: .init(field: field, value: value)))
            }
        }
        return results
    }

    /// The option a score chose (its label), or nil when unextractable or unlabelled.
    static func answer(of score: Score) -> String? {
        guard let label = score.label, label != MultipleChoiceGrader.unextractable else { return nil }
        return label
    }

}
