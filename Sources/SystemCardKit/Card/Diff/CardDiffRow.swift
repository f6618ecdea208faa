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
    /// The runs the figures come from, when known (a card's results, or a run).
    var beforeRun: String?
    var afterRun: String?
    /// The paired test on the samples both runs share, when both runs are in the store; it then decides
    /// ``change`` instead of the interval overlap.
    var paired: PairedComparison?

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

    /// This row decided by a paired test instead of the interval overlap.
    func deciding(by paired: PairedComparison) -> CardDiffRow {
        var row = self
        row.paired = paired
        let better = higherIsBetter ? paired.delta > 0 : paired.delta < 0
        row.change = paired.isSignificant ? (better ? .improved : .regressed) : .withinCI
        return row
    }

    /// `McNemar exact p=0.003 on 120 pairs`, or `CI overlap`.
    var testText: String {
        guard let paired else { return "CI overlap" }
        return "\(paired.test.title) p=\(CardNumber.value(paired.pValue)) on \(paired.pairs) pairs"
    }
}
