import Foundation

/// The 50% time horizon, as METR reports it: fit P(success) = σ(a + b·log2(human minutes)) by maximum
/// likelihood over every attempt (sample × epoch) of tasks with a known human completion time, and report the
/// human time at which the fitted success is one half, 2^(−a/b), with a 95% bootstrap interval over tasks. The
/// reported fits carry a weak ridge on the slope (``ridge``), so a small set that separates by time still has one.
///
/// No fit exists when every attempt succeeded or every one failed, when success does not fall with human
/// time (b ≥ 0), when success separates perfectly by time (the likelihood has no maximum), or when Newton's
/// method does not converge; the interval is the 2.5 and 97.5 percentiles of the resamples, given only when
/// at least 90% of them have a fit.
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

    /// The penalty on the slope's square in the reported fits: a weak prior that keeps the fit finite when a
    /// small set separates by time (as most bootstrap resamples of a dozen tasks do).
    static let ridge = 0.1

    /// The maximum-likelihood fit (Newton–Raphson), with `ridge` × b² taken from the log-likelihood, or nil when
    /// there is none (see the type's summary; with a ridge, separation no longer prevents a fit).
    static func fit(_ attempts: [Attempt], ridge: Double = 0) -> TimeHorizon? {
        let points = attempts.filter { $0.minutes > 0 }.map { (x: log2($0.minutes), y: $0.success) }
        let total = points.reduce(0) { $0 + $1.y }
        guard points.count >= 2, total > 0, total < Double(points.count) else { return nil }
        guard Set(points.map(\.x)).count >= 2, ridge > 0 || !separated(points) else { return nil }
        var a = log(total / (Double(points.count) - total))
        var b = 0.0
        var converged = false
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
            gb -= ridge * b
            hbb += ridge
            let determinant = haa * hbb - hab * hab
            guard determinant > 1e-12 else { return nil }
            let da = (hbb * ga - hab * gb) / determinant
            let db = (haa * gb - hab * ga) / determinant
            a += da
            b += db
            if abs(da) < 1e-10 && abs(db) < 1e-10 {
                converged = true
                break
            }
        }
        guard converged, a.isFinite, b.isFinite, b < 0 else { return nil }
        return TimeHorizon(intercept: a, slope: b)
    }

    /// Every success at a shorter (or equal) time than every failure, with binary outcomes: no finite fit.
    static func separated(_ points: [(x: Double, y: Double)]) -> Bool {
        guard points.allSatisfy({ $0.y == 0 || $0.y == 1 }) else { return false }
        let successes = points.filter { $0.y == 1 }.map(\.x)
        let failures = points.filter { $0.y == 0 }.map(\.x)
        return successes.max()! <= failures.min()! || failures.max()! <= successes.min()!
    }

    /// The horizon over tasks (each task's attempts kept together) with a seeded 95% bootstrap interval over
    /// tasks, both fitted with ``ridge``; nil when the whole set has no fit, or when more than a tenth of the
    /// resamples have none (all solved or none, or success rising with time: the replicates left out would be the
    /// extreme ones, so the interval would be too narrow).
    static func estimate(tasks: [[Attempt]], resamples: Int = SafetyBootstrap.resamples)
        -> (horizon: TimeHorizon, low: Double, high: Double)?
    {
        guard tasks.count >= 2, let horizon = fit(tasks.flatMap { $0 }, ridge: ridge) else { return nil }
        var fitted = 0
        let interval = SafetyBootstrap.interval(tasks, resamples: resamples) { drawn -> Double in
            guard let replicate = fit(drawn.flatMap { $0 }, ridge: ridge) else { return .nan }
            fitted += 1
            return replicate.minutes
        }
        guard Double(fitted) >= 0.9 * Double(resamples), !interval.low.isNaN else { return nil }
        return (horizon, interval.low, interval.high)
    }
}

extension AggregateMetric {
    /// The sample metadata field holding a task's estimated (or measured) human completion time in minutes.
    static let humanMinutesField = "human_minutes"

    /// `time_horizon_minutes`: the 50% time horizon over the samples that carry ``humanMinutesField`` (value in
    /// minutes, 95% bootstrap interval over tasks, n = tasks), overall (unless `overall` is false: samples of
    /// different modes are not tasks of one set) and per `groupBy` field; nothing where no fit exists.
    static func timeHorizon(groupBy: [String] = [], overall: Bool = true) -> AggregateMetric {
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
            var results = overall ? [horizon(scored, group: nil)] : []
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
