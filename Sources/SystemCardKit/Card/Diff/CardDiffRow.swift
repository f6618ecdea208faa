/// One metric compared between two cards or runs.
public struct CardDiffRow: Sendable, Hashable, Codable {
    public enum Change: String, Sendable, Hashable, Codable {
        /// Better, and the intervals do not overlap.
        case improved
        /// Worse, and the intervals do not overlap: `systemcard diff` exits 3.
        case regressed
        /// The intervals overlap: the difference may be noise.
        case withinCI = "within_ci"
    }

    public var evaluation: String
    /// The model label (or `A → B` when two different models are compared).
    public var model: String
    /// `metric` or `metric[field=value]`.
    public var metric: String
    public var higherIsBetter: Bool
    public var before: CardFigure
    public var after: CardFigure
    /// after − before.
    public var delta: Double
    /// The two 95% intervals do not overlap.
    public var beyondCI: Bool
    public var change: Change

    public init(
        evaluation: String, model: String, metric: String, higherIsBetter: Bool, before: CardFigure, after: CardFigure
    ) {
        self.evaluation = evaluation
        self.model = model
        self.metric = metric
        self.higherIsBetter = higherIsBetter
        self.before = before
        self.after = after
        delta = after.value - before.value
        beyondCI = after.ciLow > before.ciHigh || after.ciHigh < before.ciLow
        let better = higherIsBetter ? delta > 0 : delta < 0
        change = beyondCI ? (better ? .improved : .regressed) : .withinCI
    }
}
