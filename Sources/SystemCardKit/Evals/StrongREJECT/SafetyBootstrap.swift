import Foundation

/// Percentile bootstrap for statistics that are not a plain mean of per-sample values (goodness@0.1
/// over prompts, ratios such as correct-given-attempted). Seeded, so a run's interval is the same on
/// every machine.
enum SafetyBootstrap {
    static let resamples = 2000
    static let seed: UInt64 = 0x5AFE_7E57

    /// The 2.5% and 97.5% percentiles of `statistic` over `resamples` resamples of `items` with
    /// replacement; (value, value) for fewer than two items. A resample whose statistic is NaN (none exists
    /// for it, e.g. a fit that does not converge) is left out.
    static func interval<Item>(
        _ items: [Item], resamples: Int = resamples, seed: UInt64 = seed, statistic: ([Item]) -> Double
    ) -> (low: Double, high: Double) {
        guard items.count > 1 else {
            let value = statistic(items)
            return (value, value)
        }
        var generator = SeededGenerator(seed: seed)
        var values: [Double] = []
        values.reserveCapacity(resamples)
        var resample: [Item] = []
        resample.reserveCapacity(items.count)
        for _ in 0..<resamples {
            resample.removeAll(keepingCapacity: true)
            for _ in 0..<items.count {
                resample.append(items[Int(generator.next() % UInt64(items.count))])
            }
            let value = statistic(resample)
            if !value.isNaN { values.append(value) }
        }
        guard !values.isEmpty else { return (.nan, .nan) }
        values.sort()
        return (quantile(values, 0.025), quantile(values, 0.975))
    }

    /// Linear interpolation between order statistics (values must be sorted).
    static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        let position = q * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        let weight = position - Double(lower)
        return sorted[lower] * (1 - weight) + sorted[upper] * weight
    }
}
