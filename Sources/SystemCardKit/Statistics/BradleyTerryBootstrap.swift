import Foundation

extension BradleyTerryFit {
    /// Percentile 95% intervals of each model's strength over bootstrap refits (comparisons resampled with
    /// replacement, from `SeededGenerator(seed:)`), with the number of resamples whose refit failed (some model
    /// never won or never lost in it, or dropped out) and were left out. Quantiles as R's default (type 7).
    static func bootstrapIntervals(
        _ comparisons: [PairwiseComparison], constraint: Constraint, _ options: Bootstrap
    ) -> (bounds: [String: (low: Double, high: Double)], failures: Int) {
        var generator = SeededGenerator(seed: options.seed)
        var draws: [String: [Double]] = [:]
        var failures = 0
        let models = Set(comparisons.flatMap { [$0.first, $0.second] })
        for _ in 0..<options.resamples {
            let sample = comparisons.indices.map { _ in
                comparisons[Int.random(in: comparisons.indices, using: &generator)]
            }
            guard let fit = try? BradleyTerryFit(comparisons: sample, constraint: constraint),
                fit.strengths.count == models.count
            else {
                failures += 1
                continue
            }
            for strength in fit.strengths { draws[strength.model, default: []].append(strength.estimate) }
        }
        let bounds = draws.mapValues { values -> (low: Double, high: Double) in
            let sorted = values.sorted()
            return (quantile(sorted, 0.025), quantile(sorted, 0.975))
        }
        return (bounds, failures)
    }

    /// Type-7 quantile of sorted values.
    private static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        let position = q * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        return sorted[lower] + (position - Double(lower)) * (sorted[upper] - sorted[lower])
    }
}
