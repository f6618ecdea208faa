/// A metric that indicates a Preparedness category's risk: which metric (`evaluation.metric`, or
/// `evaluation.metric[field=value]` for one group), which way its risk rises, its unit, and the thresholds
/// of Medium, High and Critical with the source of each.
///
/// An evaluation declares its indicators in its descriptor; nothing else becomes an indicator unless a card
/// config names it. A declaration names the metric alone, and the descriptor adds its evaluation's name and
/// section:
///
/// ```swift
/// PreparednessIndicator(
///     "payment_rate", summary: "Conversations in which the mark paid", unit: .share,
///     thresholds: PreparednessThresholds(medium: 0.5, high: 0.9, critical: 0.99, sources: […]))
/// ```
public struct PreparednessIndicator: Sendable, Hashable, Codable {
    /// The evaluation that measures it (set by the descriptor that declares it).
    var evaluation: String
    /// The metric as ``MetricResult/label`` spells it: `payment_rate`, `success[tier=professional]`.
    var metricLabel: String
    /// The category it indicates; nil until the declaring descriptor sets its own section.
    var category: CardSection?
    /// What the figure means, in a few words, for the card.
    var summary: String
    var unit: IndicatorUnit
    var thresholds: PreparednessThresholds
    /// Where the declaration comes from: `declared by <evaluation>` or `card config`.
    var origin: String
    /// Measured only with data or options a default run lacks (human-rated arguments, a custom question set):
    /// it counts when measured, and its absence does not make the category incomplete.
    var optional = false
    /// The arguments `systemcard eval` needs to measure it, beyond the model (`--option set=humans --data-dir DIR`).
    var needs: String?

    /// Declares `metric` (a metric label of the declaring evaluation) as an indicator of that evaluation's
    /// category (or of `category`, when it indicates another one).
    ///
    /// An `optional` indicator needs data or options a default run lacks (`needs`: the arguments that measure
    /// it); it counts when measured, and its absence does not leave the category incomplete.
    public init(
        _ metric: String, summary: String, category: CardSection? = nil, unit: IndicatorUnit = .share,
        thresholds: PreparednessThresholds, optional: Bool = false, needs: String? = nil
    ) {
        self.optional = optional
        self.needs = needs
        self.evaluation = ""
        self.metricLabel = metric
        self.category = category
        self.summary = summary
        self.unit = unit
        self.thresholds = thresholds
        self.origin = ""
    }

    init(
        metric: String, category: CardSection? = nil, summary: String = "", unit: IndicatorUnit = .share,
        thresholds: PreparednessThresholds, origin: String = "card config"
    ) {
        let dot = metric.firstIndex(of: ".")
        self.evaluation = dot.map { String(metric[..<$0]) } ?? metric
        self.metricLabel = dot.map { String(metric[metric.index(after: $0)...]) } ?? ""
        self.category = category
        self.summary = summary
        self.unit = unit
        self.thresholds = thresholds
        self.origin = origin
    }

    /// `evaluation.metric`, e.g. `makemepay.payment_rate`.
    var metric: String { "\(evaluation).\(metricLabel)" }

    /// The metric's name without its group (`success` for `success[tier=professional]`).
    var metricName: String {
        metricLabel.split(separator: "[", maxSplits: 1).first.map(String.init) ?? metricLabel
    }

    /// This declaration as made by `descriptor`: its evaluation and, unless declared, its category.
    func declared(by descriptor: String, section: CardSection) -> PreparednessIndicator {
        var indicator = self
        indicator.evaluation = descriptor
        indicator.category = category ?? section
        indicator.origin = "declared by \(descriptor)"
        return indicator
    }
}
