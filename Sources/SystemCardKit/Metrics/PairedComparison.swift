import Foundation

/// Two runs compared on the samples they share (pre vs post mitigation, model A vs model B on the same
/// dataset): each sample's metric value (the mean over its epochs) before and after, the mean difference with
/// a seeded paired-bootstrap 95% interval, a p-value (McNemar's exact test when every value is 0 or 1, the
/// paired bootstrap otherwise), and the samples whose result flipped.
struct PairedComparison: Sendable, Hashable, Codable {
    enum Test: String, Sendable, Hashable, Codable {
        case mcnemarExact = "mcnemar_exact"
        case pairedBootstrap = "paired_bootstrap"

        var title: String { self == .mcnemarExact ? "McNemar exact" : "paired bootstrap" }
    }

    var test: Test
    /// Samples measured in both runs.
    var pairs: Int
    /// Mean after − mean before, over the shared samples.
    var delta: Double
    var ciLow: Double
    var ciHigh: Double
    var pValue: Double
    /// Shared samples whose value went the better way, and the worse way (by the metric's direction).
    var improved: [String]
    var worsened: [String]

    /// The difference is significant at 5%: its interval excludes zero and the test agrees.
    var isSignificant: Bool { pValue < 0.05 && (ciLow > 0 || ciHigh < 0) }

    /// Compares `metric` between two runs' results; nil when they share no scored sample the metric covers.
    static func compare(
        _ metric: Metric, before: [SampleResult], after: [SampleResult], resamples: Int = SafetyBootstrap.resamples
    ) -> PairedComparison? {
        let left = values(metric, before)
        let right = values(metric, after)
        let ids = left.keys.filter { right[$0] != nil }.sorted()
        guard !ids.isEmpty else { return nil }
        let differences = ids.map { right[$0]! - left[$0]! }
        let delta = differences.reduce(0, +) / Double(ids.count)
        let interval = SafetyBootstrap.interval(differences, resamples: resamples) {
            $0.reduce(0, +) / Double($0.count)
        }
        let binary = ids.allSatisfy { [0.0, 1.0].contains(left[$0]!) && [0.0, 1.0].contains(right[$0]!) }
        let pValue: Double
        if binary {
            let up = ids.filter { left[$0]! == 0 && right[$0]! == 1 }.count
            let down = ids.filter { left[$0]! == 1 && right[$0]! == 0 }.count
            pValue = mcnemarExact(up, down)
        } else {
            pValue = bootstrapPValue(differences, resamples: resamples)
        }
        let rose = ids.filter { right[$0]! > left[$0]! }
        let fell = ids.filter { right[$0]! < left[$0]! }
        return PairedComparison(
            test: binary ? .mcnemarExact : .pairedBootstrap, pairs: ids.count, delta: delta, ciLow: interval.low,
            ciHigh: interval.high, pValue: pValue, improved: metric.higherIsBetter ? rose : fell,
            worsened: metric.higherIsBetter ? fell : rose)
    }

    /// Each scored sample's value for `metric`: the mean over its scored epochs, for samples it covers.
    static func values(_ metric: Metric, _ results: [SampleResult]) -> [String: Double] {
        var sums: [String: (Double, Int)] = [:]
        for result in results where result.status == .scored && metric.includes(result.sample) {
            guard let score = result.score else { continue }
            let entry = sums[result.sample.id, default: (0, 0)]
            sums[result.sample.id] = (entry.0 + metric.value(score), entry.1 + 1)
        }
        return sums.mapValues { $0.0 / Double($0.1) }
    }

    /// Two-sided exact McNemar test on the discordant pairs `b` and `c`: twice the binomial(b + c, ½) tail
    /// at the smaller count, at most 1.
    static func mcnemarExact(_ b: Int, _ c: Int) -> Double {
        let n = b + c
        guard n > 0 else { return 1 }
        let k = min(b, c)
        var tail = 0.0
        for i in 0...k {
            tail += exp(logChoose(n, i) - Double(n) * log(2.0))
        }
        return min(1, 2 * tail)
    }

    static func logChoose(_ n: Int, _ k: Int) -> Double {
        lgamma(Double(n + 1)) - lgamma(Double(k + 1)) - lgamma(Double(n - k + 1))
    }

    /// Two-sided bootstrap p-value of a mean difference: twice the share of resampled means on the other
    /// side of zero (at least one resample's worth, at most 1).
    static func bootstrapPValue(_ differences: [Double], resamples: Int) -> Double {
        guard differences.count > 1, differences.contains(where: { $0 != 0 }) else { return 1 }
        var generator = SeededGenerator(seed: SafetyBootstrap.seed)
        var below = 0
        var above = 0
        for _ in 0..<resamples {
            var sum = 0.0
            for _ in 0..<differences.count {
                sum += differences[Int(generator.next() % UInt64(differences.count))]
            }
            if sum <= 0 { below += 1 }
            if sum >= 0 { above += 1 }
        }
        let tail = Double(max(1, min(below, above))) / Double(resamples)
        return min(1, 2 * tail)
    }
}
