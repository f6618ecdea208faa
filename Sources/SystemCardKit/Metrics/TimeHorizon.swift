import Foundation

/// The 50% time horizon, as METR reports it: fit P(success) = σ(a + b·log2(human minutes)) by maximum
/// likelihood over every attempt (sample × epoch) of tasks with a known human completion time, and report the
/// human time at which the fitted success is one half, 2^(−a/b), with a 95% bootstrap interval over tasks.
///
/// No fit exists when every attempt succeeded or every one failed, when success does not fall with human
/// time (b ≥ 0), or when success separates perfectly by time (the likelihood has no maximum); a bootstrap
/// replicate without a fit is left out, and the interval is the 2.5 and 97.5 percentiles of those that fit.
struct TimeHorizon: Sendable, Hashable {
    /// Intercept and slope of the logistic fit (slope per doubling of human time).
    var intercept: Double
    var slope: Double

    /// Human minutes at which the fitted success is 50%.
    var minutes: Double { exp2(-intercept / slope) }

    /// Human minutes at which the fitted success is `probability`.
    func minutes(atSuccess probability: Double) -> Double {
        exp2((log(probability / (1 - probability)) - intercept) / slope)
    }

    /// One attempt: the task's human minutes and its outcome (0…1).
    typealias Attempt = (minutes: Double, success: Double)

    /// The maximum-likelihood fit (Newton–Raphson), or nil when there is none (see the type's summary).
    static func fit(_ attempts: [Attempt]) -> TimeHorizon? {
        let points = attempts.filter { $0.minutes > 0 }.map { (x: log2($0.minutes), y: $0.success) }
        let total = points.reduce(0) { $0 + $1.y }
        guard points.count >= 2, total > 0, total < Double(points.count) else { return nil }
        guard Set(points.map(\.x)).count >= 2, !separated(points) else { return nil }
        var a = log(total / (Double(points.count) - total))
        var b = 0.0
        for _ in 0..<100 {
            var (ga, gb, haa, hab, hbb) = (0.0, 0.0, 0.0, 0.0, 0.0)
            for point in points {
                let p = 1 / (1 + exp(-(a + b * point.x)))
                let w = p * (1 - p)
                ga += point.y - p
                gb += (point.y - p) * point.x
                haa += w
                hab += w * point.x
                hbb += w * point.x * point.x
            }
            let determinant = haa * hbb - hab * hab
            guard determinant > 1e-12 else { return nil }
            let da = (hbb * ga - hab * gb) / determinant
            let db = (haa * gb - hab * ga) / determinant
            a += da
            b += db
            if abs(da) < 1e-10 && abs(db) < 1e-10 { break }
        }
        guard a.isFinite, b.isFinite, b < 0 else { return nil }
        return TimeHorizon(intercept: a, slope: b)
    }

    /// Every success at a shorter (or equal) time than every failure, with binary outcomes: no finite fit.
    static func separated(_ points: [(x: Double, y: Double)]) -> Bool {
        guard points.allSatisfy({ $0.y == 0 || $0.y == 1 }) else { return false }
        let successes = points.filter { $0.y == 1 }.map(\.x)
        let failures = points.filter { $0.y == 0 }.map(\.x)
        return successes.max()! < failures.min()! || failures.max()! < successes.min()!
    }

    /// The horizon over tasks (each task's attempts kept together) with a seeded 95% bootstrap interval over
    /// tasks (replicates without a fit left out); nil when the whole set has no fit.
    static func estimate(tasks: [[Attempt]], resamples: Int = SafetyBootstrap.resamples)
        -> (horizon: TimeHorizon, low: Double, high: Double)?
    {
        guard let horizon = fit(tasks.flatMap { $0 }) else { return nil }
        let interval = SafetyBootstrap.interval(tasks, resamples: resamples) { fit($0.flatMap { $0 })?.minutes ?? .nan }
        guard !interval.low.isNaN else { return (horizon, horizon.minutes, horizon.minutes) }
        return (horizon, interval.low, interval.high)
    }
}

extension AggregateMetric {
    /// The sample metadata field holding a task's estimated (or measured) human completion time in minutes.
    static let humanMinutesField = "human_minutes"

    /// `time_horizon_minutes`: the 50% time horizon over the samples that carry ``humanMinutesField`` (value in
    /// minutes, 95% bootstrap interval over tasks, n = tasks), overall and per `groupBy` field; nothing where no
    /// fit exists.
    static func timeHorizon(groupBy: [String] = []) -> AggregateMetric {
        AggregateMetric(
            name: "time_horizon_minutes",
            summary: "Human minutes at which the fitted success is 50% (METR's time horizon; logistic in log2 time, "
                + "bootstrap interval over tasks).",
            higherIsBetter: false
        ) { scored in
            func horizon(_ items: [MetricCalculator.Scored], group: MetricResult.Group?) -> MetricResult? {
                var byTask: [String: [TimeHorizon.Attempt]] = [:]
                for item in items {
                    guard let text = item.sample.metadata[humanMinutesField], let minutes = Double(text), minutes > 0
                    else { continue }
                    byTask[item.sample.id, default: []].append((minutes, item.score.value))
                }
                let tasks = byTask.keys.sorted().map { byTask[$0]! }
                guard let estimate = TimeHorizon.estimate(tasks: tasks) else { return nil }
                return MetricResult(
                    name: "time_horizon_minutes", group: group, value: estimate.horizon.minutes, ciLow: estimate.low,
                    ciHigh: estimate.high, n: tasks.count)
            }
            var results = [horizon(scored, group: nil)]
            for field in groupBy {
                let groups = Dictionary(grouping: scored, by: { $0.sample.metadata[field] ?? "" })
                for (value, members) in groups.sorted(by: { $0.key < $1.key }) {
                    results.append(horizon(members, group: .init(field: field, value: value)))
                }
            }
            return results.compactMap { $0 }
        }
    }
}
