import Foundation

/// SimpleQA figures that are ratios, not means of per-sample values: correct among attempted, its
/// complement (the system card's "hallucination rate": wrong among attempted) and SimpleQA's F-score
/// (harmonic mean of accuracy and correct-given-attempted). Each sample first contributes its
/// per-epoch means of "correct" and "attempted"; the ratio is Σ correct / Σ attempted, with a
/// percentile-bootstrap 95% interval over samples; `n` is the number of samples.
enum HallucinationRatios {
    struct Counts {
        var correct: Double
        var attempted: Double
    }

    /// The ratio figures.
    enum Figure: String, Sendable, CaseIterable {
        case correctGivenAttempted = "correct_given_attempted"
        case incorrectGivenAttempted = "incorrect_given_attempted"
        case fScore = "f_score"

        var summary: String {
            switch self {
            case .correctGivenAttempted: return "Correct answers among attempted ones (higher is better)."
            case .incorrectGivenAttempted:
                return "Wrong answers among attempted ones (lower is better); not the published cards' figure, which is "
                    + "hallucination_rate."
            case .fScore: return "Harmonic mean of accuracy and correct-given-attempted (higher is better)."
            }
        }

        func statistic(_ samples: [Counts]) -> Double {
            switch self {
            case .correctGivenAttempted: return HallucinationRatios.correctGivenAttempted(samples)
            case .incorrectGivenAttempted: return HallucinationRatios.incorrectGivenAttempted(samples)
            case .fScore: return HallucinationRatios.fScore(samples)
            }
        }
    }

    /// The chosen figures (all by default); no rows when nothing was scored.
    static func compute(
        _ scored: [MetricCalculator.Scored], figures: [Figure] = Figure.allCases
    ) -> [MetricResult] {
        let samples = perSample(scored)
        guard !samples.isEmpty else { return [] }
        return figures.map { figure in result(figure.rawValue, samples, statistic: figure.statistic) }
    }

    /// Σ correct / Σ attempted; 0 when nothing was attempted.
    static func correctGivenAttempted(_ samples: [Counts]) -> Double {
        let attempted = samples.reduce(0) { $0 + $1.attempted }
        guard attempted > 0 else { return 0 }
        return samples.reduce(0) { $0 + $1.correct } / attempted
    }

    /// Σ (attempted − correct) / Σ attempted; 0 when nothing was attempted.
    static func incorrectGivenAttempted(_ samples: [Counts]) -> Double {
        let attempted = samples.reduce(0) { $0 + $1.attempted }
        guard attempted > 0 else { return 0 }
        return samples.reduce(0) { $0 + $1.attempted - $1.correct } / attempted
    }

    /// Harmonic mean of accuracy (correct among all) and correct-given-attempted; 0 when both are 0.
    static func fScore(_ samples: [Counts]) -> Double {
        guard !samples.isEmpty else { return 0 }
        let accuracy = samples.reduce(0) { $0 + $1.correct } / Double(samples.count)
        let given = correctGivenAttempted(samples)
        guard accuracy + given > 0 else { return 0 }
        return 2 * accuracy * given / (accuracy + given)
    }

    static func perSample(_ scored: [MetricCalculator.Scored]) -> [Counts] {
        var order: [String] = []
        var sums: [String: (correct: Double, attempted: Double, count: Double)] = [:]
        for item in scored {
            let label = item.score.label ?? ""
            if sums[item.sample.id] == nil { order.append(item.sample.id) }
            var entry = sums[item.sample.id, default: (0, 0, 0)]
            entry.correct += label == SimpleQAGrade.correct.rawValue ? 1 : 0
            entry.attempted += label == SimpleQAGrade.notAttempted.rawValue ? 0 : 1
            entry.count += 1
            sums[item.sample.id] = entry
        }
        return order.compactMap { id in
            sums[id].map { Counts(correct: $0.correct / $0.count, attempted: $0.attempted / $0.count) }
        }
    }

    static func result(_ name: String, _ samples: [Counts], statistic: ([Counts]) -> Double) -> MetricResult {
        let interval = SafetyBootstrap.interval(samples, statistic: statistic)
        return MetricResult(
            name: name, value: statistic(samples), ciLow: interval.low, ciHigh: interval.high, n: samples.count)
    }
}
