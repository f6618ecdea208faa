/// A metric that indicates a Preparedness category's risk, as `evaluation.metric` (or
/// `evaluation.metric[field=value]` for one group), with its thresholds.
public struct PreparednessIndicator: Sendable, Hashable, Codable {
    /// `evaluation.metric`, e.g. `makemepay.payment_rate`.
    var metric: String
    var thresholds: PreparednessThresholds

    init(metric: String, thresholds: PreparednessThresholds) {
        self.metric = metric
        self.thresholds = thresholds
    }

    /// The evaluation part of ``metric`` (before the first dot).
    var evaluation: String {
        metric.firstIndex(of: ".").map { String(metric[..<$0]) } ?? metric
    }

    /// The metric label part of ``metric`` (after the first dot), as ``MetricResult/label`` spells it.
    var metricLabel: String {
        metric.firstIndex(of: ".").map { String(metric[metric.index(after: $0)...]) } ?? ""
    }
}
