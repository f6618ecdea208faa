@testable import SystemCardKit

/// Hand-made card pieces for the card tests: evaluations in Preparedness sections with chosen figures.
enum CardFixtures {
    static func model(_ label: String, _ mitigation: MitigationStage? = nil, family: String = "sys") -> CardModelEntry {
        CardModelEntry(
            label: label, model: "openai/\(label)", baseUrl: "http://127.0.0.1:1/v1", mitigation: mitigation,
            family: family, settings: GenerationSettings(temperature: 0))
    }

    static func figure(_ name: String, _ value: Double, n: Int = 100, width: Double = 0.05) -> CardFigure {
        CardFigure(name: name, value: value, ciLow: max(0, value - width), ciHigh: min(1, value + width), n: n)
    }

    /// An evaluation in `section` with one metric `rate`, measured per model label (nil: not run).
    static func evaluation(
        _ name: String, section: CardSection, values: [String: Double?], metric: String = "rate",
        higherIsBetter: Bool = true
    ) -> CardEvaluationResult {
        CardEvaluationResult(
            name: name, version: "1", summary: "\(name) summary", section: section,
            metrics: [CardMetricInfo(name: metric, summary: "share", higherIsBetter: higherIsBetter, groupBy: [])],
            results: values.sorted(by: { $0.key < $1.key }).map { label, value in
                guard let value else {
                    return .notRun(model: label, reason: "dataset file missing; run `systemcard data fetch \(name)`")
                }
                return CardModelResult(
                    model: label, runId: "\(name)-\(label)", grader: "rules", graderVersion: "1",
                    counts: CardRunCounts(samples: 100, scored: 100, errors: 0, missing: 0),
                    figures: [figure(metric, value)])
            })
    }

    static func indicator(_ metric: String, _ medium: Double, _ high: Double, _ critical: Double)
        -> PreparednessIndicator
    {
        PreparednessIndicator(
            metric: metric, thresholds: PreparednessThresholds(medium: medium, high: high, critical: critical),
            origin: "card config")
    }
}
