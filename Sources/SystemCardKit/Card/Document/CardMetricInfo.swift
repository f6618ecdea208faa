/// What a metric of an evaluation means, for the card's tables and diffs.
struct CardMetricInfo: Sendable, Hashable, Codable {
    var name: String
    var summary: String
    var higherIsBetter: Bool
    var groupBy: [String]

    init(name: String, summary: String, higherIsBetter: Bool, groupBy: [String]) {
        self.name = name
        self.summary = summary
        self.higherIsBetter = higherIsBetter
        self.groupBy = groupBy
    }

    init(_ metric: Metric) {
        self.init(
            name: metric.name, summary: metric.summary, higherIsBetter: metric.higherIsBetter, groupBy: metric.groupBy)
    }

    init(_ aggregate: AggregateMetric) {
        self.init(
            name: aggregate.name, summary: aggregate.summary, higherIsBetter: aggregate.higherIsBetter, groupBy: [])
    }

    /// The evaluation's metrics, then its aggregate figures (the order runs report them in).
    static func all(of evaluation: Evaluation) -> [CardMetricInfo] {
        evaluation.metrics.map(CardMetricInfo.init) + evaluation.aggregates.map(CardMetricInfo.init)
    }
}
