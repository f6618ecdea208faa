/// A figure computed from scores: which samples it covers, what value each score contributes, and
/// which metadata fields to break it down by.
///
/// Each sample's value is first averaged over its epochs; the metric is the mean over samples with a 95%
/// confidence interval (Wilson for 0/1 values, Student's t otherwise).
public struct Metric: Sendable {
    /// The metric's name in results and reports (`not_overrefuse`).
    public var name: String
    /// One line on what the metric counts.
    public var summary: String
    /// Whether a sample counts toward this metric (e.g. only safe prompts for `not_overrefuse`).
    public var includes: @Sendable (Sample) -> Bool
    /// The value a score contributes (e.g. 1 when the label is `full_compliance`).
    public var value: @Sendable (Score) -> Double
    /// Metadata fields to report the metric by, besides overall.
    public var groupBy: [String]
    /// True when higher is better (for diffs and charts).
    public var higherIsBetter: Bool
    /// How the confidence interval is computed.
    public var interval: IntervalKind

    /// How a metric's 95% confidence interval is computed.
    public enum IntervalKind: Sendable {
        /// Wilson when every value is 0 or 1; Student's t (kept inside [0, 1] when every value is) otherwise.
        case auto
        /// Student's t, never clamped: for amounts, counts and other values that are not proportions.
        case mean
    }

    /// Creates a metric; by default over every sample, with each score's own value, higher is better and
    /// the interval is chosen from the values (``IntervalKind/auto``).
    public init(
        name: String, summary: String, groupBy: [String] = [], higherIsBetter: Bool = true,
        interval: IntervalKind = .auto, includes: @escaping @Sendable (Sample) -> Bool = { _ in true },
        value: @escaping @Sendable (Score) -> Double = { $0.value }
    ) {
        self.name = name
        self.summary = summary
        self.includes = includes
        self.value = value
        self.groupBy = groupBy
        self.higherIsBetter = higherIsBetter
        self.interval = interval
    }
}
