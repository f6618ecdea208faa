import Foundation

/// 95% confidence intervals for a mean.
package enum ConfidenceInterval {
    /// Wilson score interval for a proportion: well behaved near 0 and 1, unlike the normal approximation.
    package static func wilson(successes: Double, n: Int, z: Double = 1.959964) -> (low: Double, high: Double) {
        guard n > 0 else { return (0, 0) }
        let count = Double(n)
        let p = successes / count
        let z2 = z * z
        let denominator = 1 + z2 / count
        let centre = (p + z2 / (2 * count)) / denominator
        let half = z * (p * (1 - p) / count + z2 / (4 * count * count)).squareRoot() / denominator
        // Exact ends where the data sit at a bound (floating point leaves 0.9999999999999999 otherwise).
        let low = successes <= 0 ? 0 : max(0, centre - half)
        let high = successes >= count ? 1 : min(1, centre + half)
        return (low, high)
    }

    /// Student's t interval for the mean of arbitrary values.
    static func t(values: [Double]) -> (low: Double, high: Double) {
        let n = values.count
        guard n > 0 else { return (0, 0) }
        let mean = values.reduce(0, +) / Double(n)
        guard n > 1 else { return (mean, mean) }
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n - 1)
        let half = tCritical(degreesOfFreedom: n - 1) * (variance / Double(n)).squareRoot()
        return (mean - half, mean + half)
    }

    /// Mean and interval: Wilson when every value is 0 or 1, otherwise t.
    static func mean(_ values: [Double]) -> (value: Double, low: Double, high: Double) {
        guard !values.isEmpty else { return (0, 0, 0) }
        let mean = values.reduce(0, +) / Double(values.count)
        if values.allSatisfy({ $0 == 0 || $0 == 1 }) {
            let interval = wilson(successes: values.reduce(0, +), n: values.count)
            return (mean, interval.low, interval.high)
        }
        let interval = t(values: values)
        // Scores in [0, 1] (rubric scores, fractions) keep their interval inside the range they can take.
        if values.allSatisfy({ $0 >= 0 && $0 <= 1 }) {
            return (mean, max(0, interval.low), min(1, interval.high))
        }
        return (mean, interval.low, interval.high)
    }

    /// Two-sided 97.5% quantile of Student's t.
    static func tCritical(degreesOfFreedom df: Int) -> Double {
        let table: [Double] = [
            12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
            2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
            2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
        ]
        if df >= 1 && df <= table.count { return table[df - 1] }
        // Cornish-Fisher expansion around the normal quantile; within 0.001 of the table beyond 30.
        let z = 1.959964
        let g1 = (pow(z, 3) + z) / 4
        let g2 = (5 * pow(z, 5) + 16 * pow(z, 3) + 3 * z) / 96
        let d = Double(df)
        return z + g1 / d + g2 / (d * d)
    }
}
