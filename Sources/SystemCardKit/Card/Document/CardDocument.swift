import Foundation

/// The system card: models side by side on every evaluation of the suite (and the registered ones that were
/// not run, with the reason), the published reference figures, and the Preparedness scorecard. Written as
/// HTML, Markdown and JSON (schema in docs/card.md).
public struct CardDocument: Sendable, Hashable, Codable {
    /// Bumped when the JSON layout changes incompatibly.
    /// 2: declared indicators with thresholds and sources, safety grades, mitigation effects, protocol notes.
    static let currentSchemaVersion = 2

    var schemaVersion: Int
    var title: String
    /// ISO 8601, UTC.
    var generatedAt: String
    /// `systemcard <version>`.
    var generator: String
    var profile: CardProfile
    /// Samples per evaluation when the card was limited (by the profile, the config or `--limit`); nil: all.
    var limit: Int?
    /// In the quick profile, the fewest samples behind every metric row where the data has them (the limit is
    /// widened for rows it leaves short); nil otherwise.
    var minimumPerMetric: Int?
    var models: [CardModelEntry]
    /// The grader model, when the card has one (otherwise rules graders only).
    var graderModel: String?
    /// Every registered evaluation, in card order (section, then registry order).
    var evaluations: [CardEvaluationResult]
    /// The Preparedness scorecard: each system's category levels before and after mitigation, and its verdict.
    public var preparedness: PreparednessScorecard
    /// Safety grades relative to the model marked `reference: true` (empty without one).
    var safetyGrades: [SafetyGradeRow]
    /// What each family's mitigations changed, and what they cost (empty without mitigations).
    var mitigationEffects: [MitigationEffect]
    /// The red-teaming arena's figures for the card's models (section 1.6); nil when the store has no arena data.
    var arena: CardArenaFigures?
    /// What each model's column cost, every run and role of it (calls answered from the cache included: each was
    /// paid once), at list prices of ``pricesDate`` unless overridden; nil when no run recorded its usage by role.
    var cost: [String: RunCost]?
    var pricesDate: String?

    /// "Cost: model-a $1.20, model-b ≥ $0.40 (no price for …)", or nil.
    var costLine: String? {
        guard let cost, !cost.isEmpty else { return nil }
        let parts = models.compactMap { model in cost[model.label].map { "\(model.label) \($0.text)" } }
        let total = cost.values.reduce(into: RunCost()) { $0.add($1) }
        return "Cost (every run and role, at list prices of \(pricesDate ?? PriceTable.defaultsDate) unless overridden): "
            + parts.joined(separator: "; ") + (parts.count > 1 ? "; total \(total.text)" : "") + "."
    }

    init(
        schemaVersion: Int = CardDocument.currentSchemaVersion, title: String, generatedAt: String,
        generator: String, profile: CardProfile, limit: Int? = nil, models: [CardModelEntry], graderModel: String?,
        evaluations: [CardEvaluationResult], preparedness: PreparednessScorecard
    ) {
        self.safetyGrades = SafetyGradeRow.rows(models: models, evaluations: evaluations)
        self.mitigationEffects = MitigationEffect.effects(models: models, evaluations: evaluations)
        self.schemaVersion = schemaVersion
        self.title = title
        self.generatedAt = generatedAt
        self.generator = generator
        self.profile = profile
        self.limit = limit
        self.models = models
        self.graderModel = graderModel
        self.evaluations = evaluations
        self.preparedness = preparedness
    }

    /// The evaluations of one section.
    func evaluations(in section: CardSection) -> [CardEvaluationResult] {
        evaluations.filter { $0.section == section }
    }

    /// The JSON text: sorted keys, snake_case, pretty-printed.
    func json() throws -> String {
        String(decoding: try Self.encoder.encode(self), as: UTF8.self) + "\n"
    }

    /// Reads a card.json.
    public static func decode(_ data: Data) throws -> CardDocument {
        try decoder.decode(CardDocument.self, from: data)
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return decoder
    }()
}
