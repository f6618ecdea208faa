/// A figure that is not a plain mean of per-sample values: a ratio (incorrect among attempted), a
/// best-of-techniques score (goodness@0.1), a bias score, cons@k or pass@k. It sees every scored sample
/// of the run (all epochs) and returns its results, each with its own confidence interval.
public struct AggregateMetric: Sendable {
    /// The figure's name in results and reports (`goodness@0.1`).
    public var name: String
    /// One line on what the figure means.
    public var summary: String
    /// True when higher is better (for diffs and charts).
    public var higherIsBetter: Bool
    /// Computes the figure(s) from the scored samples; an empty array means "not computable here".
    public var compute: @Sendable ([MetricCalculator.Scored]) -> [MetricResult]

    /// Creates an aggregate; higher is better unless `higherIsBetter` says otherwise.
    public init(
        name: String, summary: String, higherIsBetter: Bool = true,
        compute: @escaping @Sendable ([MetricCalculator.Scored]) -> [MetricResult]
    ) {
        self.name = name
        self.summary = summary
        self.higherIsBetter = higherIsBetter
        self.compute = compute
    }
}
