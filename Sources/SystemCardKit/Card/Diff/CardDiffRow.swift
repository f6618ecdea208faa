/// One metric compared between two cards or runs.
struct CardDiffRow: Sendable, Hashable, Codable {
    enum Change: String, Sendable, Hashable, Codable {
        /// Better, and the intervals do not overlap.
        case improved
        /// Worse, and the intervals do not overlap: `systemcard diff` exits 3.
        case regressed
        /// The intervals overlap: the difference may be noise.
        case withinCI = "within_ci"
    }

    var evaluation: String
    /// The model label (or `A → B` when two different models are compared).
    var model: String
    /// `metric` or `metric[field=value]`.
    var metric: String
    var higherIsBetter: Bool
    var before: CardFigure
    var after: CardFigure
    /// after − before.
    var delta: Double
    /// The two 95% intervals do not overlap.
    var beyondCI: Bool
    var change: Change

    init(
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
