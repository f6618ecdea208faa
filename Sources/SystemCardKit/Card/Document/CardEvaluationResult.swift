/// One evaluation in the card: what it is, each model's results, and the published reference figures.
public struct CardEvaluationResult: Sendable, Hashable, Codable {
    public var name: String
    public var version: String
    public var summary: String
    public var section: CardSection
    public var options: [CardOption]
    public var metrics: [CardMetricInfo]
    /// One per model of the card, in the card's model order.
    public var results: [CardModelResult]
    /// Figures from published system cards, shown beside the measured ones, never mixed with them.
    public var references: [PublishedFigure]

    public init(
        name: String, version: String, summary: String, section: CardSection, options: [CardOption] = [],
        metrics: [CardMetricInfo], results: [CardModelResult], references: [PublishedFigure] = []
    ) {
        self.name = name
        self.version = version
        self.summary = summary
        self.section = section
        self.options = options
        self.metrics = metrics
        self.results = results
        self.references = references
    }

    /// The result of the model labelled `model`.
    public func result(for model: String) -> CardModelResult? {
        results.first(where: { $0.model == model })
    }

    /// True when no model was measured.
    public var isNotRun: Bool { results.allSatisfy { $0.notRun != nil } }

    /// The reference models, in first-seen order (one published column each).
    public var referenceModels: [String] {
        var seen: [String] = []
        for reference in references where !seen.contains(reference.model) { seen.append(reference.model) }
        return seen
    }
}
