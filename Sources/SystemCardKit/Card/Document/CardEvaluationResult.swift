/// One evaluation in the card: what it is, each model's results, and the published reference figures.
struct CardEvaluationResult: Sendable, Hashable, Codable {
    var name: String
    var version: String
    var summary: String
    var section: CardSection
    var options: [CardOption]
    var metrics: [CardMetricInfo]
    /// One per model of the card, in the card's model order.
    var results: [CardModelResult]
    /// Figures from published system cards, shown beside the measured ones, never mixed with them.
    var references: [PublishedFigure]
    /// The Preparedness indicators the evaluation declares.
    var indicators: [PreparednessIndicator]
    /// How the measurement compares with the published figures' protocol (see ``Evaluation/protocolNote``).
    var protocolNote: String?

    init(
        name: String, version: String, summary: String, section: CardSection, options: [CardOption] = [],
        metrics: [CardMetricInfo], results: [CardModelResult], references: [PublishedFigure] = [],
        indicators: [PreparednessIndicator] = [], protocolNote: String? = nil
    ) {
        self.protocolNote = protocolNote
        self.name = name
        self.version = version
        self.summary = summary
        self.section = section
        self.options = options
        self.metrics = metrics
        self.results = results
        self.references = references
        self.indicators = indicators
    }

    /// The result of the model labelled `model`.
    func result(for model: String) -> CardModelResult? {
        results.first(where: { $0.model == model })
    }

    /// True when no model was measured.
    var isNotRun: Bool { results.allSatisfy { $0.notRun != nil } }

    /// The reference models, in first-seen order (one published column each).
    var referenceModels: [String] {
        var seen: [String] = []
        for reference in references where !seen.contains(reference.model) { seen.append(reference.model) }
        return seen
    }
}
