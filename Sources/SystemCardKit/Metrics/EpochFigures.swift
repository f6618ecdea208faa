/// Figures over the epochs of each sample: samples grouped with their epochs, pass@k, and means per metadata
/// field with 95% intervals. Multiple-choice (cons@k, pass@k) and the agentic evaluations (pass@k, medals)
/// use them.
enum EpochFigures {
    /// Scored epochs per sample, samples in first-seen order, epochs in order.
    static func bySample(_ scored: [MetricCalculator.Scored]) -> [(sample: Sample, epochs: [MetricCalculator.Scored])] {
        var order: [String] = []
        var groups: [String: [MetricCalculator.Scored]] = [:]
        for item in scored {
            if groups[item.sample.id] == nil { order.append(item.sample.id) }
            groups[item.sample.id, default: []].append(item)
        }
        return order.map { id in
            let epochs = groups[id]!.sorted { $0.epoch < $1.epoch }
            return (epochs[0].sample, epochs)
        }
    }

    /// The most epochs any sample has.
    static func epochCount(_ scored: [MetricCalculator.Scored]) -> Int {
        bySample(scored).map(\.epochs.count).max() ?? 0
    }

    /// pass@k: per sample, the unbiased estimate from its n scored epochs (samples with n < k left out).
    static func passAtK(_ scored: [MetricCalculator.Scored], k: Int, groupBy: [String]) -> [MetricResult] {
        guard k >= 1 else { return [] }
        let values = bySample(scored).compactMap { item -> (sample: Sample, value: Double)? in
            let correct = item.epochs.filter { $0.score.value >= 1 }.count
            guard let value = EpochReducers.passAtK(attempts: item.epochs.count, correct: correct, k: k) else {
                return nil
            }
            return (item.sample, value)
        }
        return grouped("pass@\(k)", values, groupBy: groupBy)
    }

    static func grouped(_ name: String, _ values: [(sample: Sample, value: Double)], groupBy: [String])
        -> [MetricResult]
    {
        var results = [meanResult(name, group: nil, values.map(\.value))]
        for field in groupBy {
            let groups = Dictionary(grouping: values, by: { $0.sample.metadata[field] ?? "" })
            for (value, members) in groups.sorted(by: { $0.key < $1.key }) {
                results.append(meanResult(name, group: .init(field: field, value: value), members.map(\.value)))
            }
        }
        return results
    }

    static func meanResult(_ name: String, group: MetricResult.Group?, _ values: [Double]) -> MetricResult {
        let stats = ConfidenceInterval.mean(values)
        return MetricResult(
            name: name, group: group, value: stats.value, ciLow: stats.low, ciHigh: stats.high, n: values.count)
    }
}

extension AggregateMetric {
    /// pass@k with k = the run's epochs (needs 2 or more): per sample, the unbiased estimate that at least one of
    /// k attempts scored 1, then the mean over samples, overall and per `groupBy` field.
    static func passAtK(summary: String, higherIsBetter: Bool = true, groupBy: [String] = []) -> AggregateMetric {
        AggregateMetric(name: "pass@k", summary: summary, higherIsBetter: higherIsBetter) { scored in
            let k = EpochFigures.epochCount(scored)
            return k >= 2 ? EpochFigures.passAtK(scored, k: k, groupBy: groupBy) : []
        }
    }
}
