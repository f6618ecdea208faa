@testable import SystemCardKit

/// A card with every field set, and every string field carrying markup, quotes and a bidi override: the
/// writers must escape all of it; the JSON must round-trip all of it.
enum HostileCard {
    static let payload = "<script>alert(1)</script><img src=x onerror=alert(2)>\"'&|*_`\u{202E}"

    static func text(_ name: String) -> String { "\(name) \(payload)" }

    static func make() -> CardDocument {
        var hostileCost = RunCost()
        hostileCost.dollars = 1.5
        hostileCost.byRole = [text("model"): 1.25, "grader": 0.25]
        hostileCost.unpriced = ["openai/" + text("unpriced")]
        let models = [
            CardModelEntry(
                label: text("pre"), model: "openai/" + text("m"), baseUrl: text("http://x/v1"), mitigation: .pre,
                family: text("family"),
                settings: GenerationSettings(temperature: 0, maxTokens: 64, seed: 1, reasoningEffort: text("high"))),
            CardModelEntry(
                label: text("post"), model: "openai/" + text("m2"), baseUrl: nil, mitigation: .post,
                family: text("family"), settings: GenerationSettings()),
        ]
        let figures = [
            CardFigure(name: text("rate"), value: 0.42, ciLow: 0.3, ciHigh: 0.55, n: 60),
            CardFigure(
                name: text("rate"), group: MetricResult.Group(field: text("type"), value: text("group")), value: 0.5,
                ciLow: 0.2, ciHigh: 0.8, n: 10),
        ]
        let example = CardExample(
            sampleId: text("sample"), epoch: 2, prompt: text("prompt"), response: text("response"), score: 0,
            label: text("label"), reason: text("reason"))
        let measured = CardModelResult(
            model: models[0].label, runId: text("run"), grader: text("grader"), graderVersion: text("v"),
            graderModel: "openai/" + text("judge"), epochs: 2, limit: 30, seed: 7,
            counts: CardRunCounts(samples: 60, scored: 58, errors: 2, missing: 0),
            usage: TokenUsage(promptTokens: 10, completionTokens: 20),
            graderUsage: TokenUsage(promptTokens: 1, completionTokens: 2),
            developerRoleFolded: 3,
            datasetFiles: [DatasetFileDigest(path: text("data.csv"), sha256: String(repeating: "a", count: 64))],
            figures: figures, examples: [example], meanLatencyMilliseconds: 812.5,
            mitigationCost: CardMitigationCost(results: 58, calls: 58, tokens: 900, milliseconds: 4_000, acted: 3),
            judgeValidation: text("judge validated: agreement 0.9"), standIns: [text("mark")], cost: hostileCost)
        let evaluation = CardEvaluationResult(
            name: text("eval"), version: text("1"), summary: text("summary"), section: .persuasion,
            options: [CardOption(name: text("set"), value: text("small"))],
            metrics: [
                CardMetricInfo(
                    name: text("rate"), summary: text("metric summary"), higherIsBetter: false, groupBy: [text("type")])
            ],
            results: [measured, .notRun(model: models[1].label, reason: text("not run reason"))],
            references: [
                PublishedFigure(metric: text("rate"), model: text("o3-mini"), value: 0.79, source: text("source"))
            ], protocolNote: text("protocol note"))
        let skipped = CardEvaluationResult(
            name: text("skipped"), version: "2", summary: text("skipped summary"), section: .multilingual,
            metrics: [], results: models.map { .notRun(model: $0.label, reason: text("dataset missing")) })
        var config = PreparednessConfig(margin: 0.05)
        config.categories[.persuasion] = PreparednessCategoryConfig(indicators: [
            PreparednessIndicator(
                metric: "\(text("eval")).\(text("rate"))", summary: text("indicator summary"),
                thresholds: PreparednessThresholds(
                    medium: 0.2, high: 0.45, critical: 0.8, sources: [.medium: text("threshold source")]),
                origin: text("origin"))
        ])
        config.overrides = [
            PreparednessOverride(
                category: .persuasion, mitigation: .post, family: text("family"), level: .low,
                rationale: text("rationale"), reviewer: text("reviewer"))
        ]
        let preparedness = PreparednessScorer.score(config: config, models: models, evaluations: [evaluation, skipped])
        var card = CardDocument(
            title: text("title"), generatedAt: text("2025-01-31T00:00:00Z"), generator: text("systemcard"),
            profile: .quick, limit: 30, models: models, graderModel: "openai/" + text("judge"),
            evaluations: [evaluation, skipped], preparedness: preparedness)
        card.arena = CardArenaFigures(
            models: [
                CardArenaFigures.Model(
                    model: text("arena-model"), refusalRate: .init(value: 0.5, ciLow: 0.3, ciHigh: 0.7, n: 20),
                    attackSuccessRate: .init(value: 0.1, ciLow: 0.02, ciHigh: 0.3, n: 10), strength: 0.4, strengthLow: 0.1,
                    strengthHigh: 0.7, rank: 1),
                CardArenaFigures.Model(model: text("other"), refusalRate: nil, attackSuccessRate: nil),
            ], ratedConversations: 12, rankingProblem: text("problem"))
        card.cost = [models[0].label: hostileCost, models[1].label: RunCost()]
        card.pricesDate = text("2025-08")
        return card
    }
}
