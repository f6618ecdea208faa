/// Computes metrics from scored samples: per sample the mean over epochs, then the mean over samples
/// (so epochs never shrink a confidence interval as if they were independent samples).
public enum MetricCalculator {
    /// A scored sample and its score.
    public struct Scored: Sendable {
        /// The sample that was scored.
        public var sample: Sample
        /// The epoch the score belongs to (1-based).
        public var epoch: Int
        /// The grader's verdict.
        public var score: Score

        /// Creates a scored sample.
        public init(sample: Sample, epoch: Int, score: Score) {
            self.sample = sample
            self.epoch = epoch
            self.score = score
        }
    }

    /// For each metric, its overall result, then one result per value of each `groupBy` field (sorted by
    /// value).
    public static func compute(_ metrics: [Metric], over scored: [Scored]) -> [MetricResult] {
        var results: [MetricResult] = []
        for metric in metrics {
            let included = scored.filter { metric.includes($0.sample) }
            let perSample = sampleMeans(included, metric: metric)
            results.append(result(metric.name, group: nil, perSample.map(\.value), interval: metric.interval))
            for field in metric.groupBy {
                let groups = Dictionary(grouping: perSample, by: { $0.sample.metadata[field] ?? "" })
                for (groupValue, members) in groups.sorted(by: { $0.key < $1.key }) {
                    results.append(
                        result(
                            metric.name, group: .init(field: field, value: groupValue), members.map(\.value),
                            interval: metric.interval))
                }
            }
        }
        return results
    }

    static func sampleMeans(_ scored: [Scored], metric: Metric) -> [(sample: Sample, value: Double)] {
        var order: [String] = []
        var byID: [String: (sample: Sample, sum: Double, count: Int)] = [:]
        for item in scored {
            let value = metric.value(item.score)
            if var entry = byID[item.sample.id] {
                entry.sum += value
                entry.count += 1
                byID[item.sample.id] = entry
            } else {
                order.append(item.sample.id)
                byID[item.sample.id] = (item.sample, value, 1)
            }
        }
        return order.compactMap { id in byID[id].map { ($0.sample, $0.sum / Double($0.count)) } }
    }

    static func result(
        _ name: String, group: MetricResult.Group?, _ values: [Double], interval: Metric.IntervalKind = .auto
    ) -> MetricResult {
        let stats: (value: Double, low: Double, high: Double)
        switch interval {
        case .auto:
            stats = ConfidenceInterval.mean(values)
        case .mean:
            let mean = values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
            let bounds = ConfidenceInterval.t(values: values)
            stats = (mean, bounds.low, bounds.high)
        }
        return MetricResult(name: name, group: group, value: stats.value, ciLow: stats.low, ciHigh: stats.high, n: values.count)
    }
}
