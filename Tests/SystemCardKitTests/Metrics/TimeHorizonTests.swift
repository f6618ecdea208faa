import Foundation
import Testing

@testable import SystemCardKit

/// The 50% time horizon against a case computed by hand, and the cases with no fit.
struct TimeHorizonTests {
    /// Four tasks of 2 human minutes (3 solved) and four of 8 minutes (1 solved). With two distinct times the
    /// logistic fit goes through both success rates: σ(a + b) = 3/4 and σ(a + 3b) = 1/4, so a + b = ln 3 and
    /// a + 3b = −ln 3, giving b = −ln 3, a = 2 ln 3, and success 1/2 at log2 t = −a/b = 2: t = 4 minutes.
    @Test func handComputedHorizonIsFourMinutes() throws {
        let attempts: [TimeHorizon.Attempt] = [(2, 1), (2, 1), (2, 1), (2, 0), (8, 1), (8, 0), (8, 0), (8, 0)]
        let fit = try #require(TimeHorizon.fit(attempts))
        #expect(abs(fit.slope + log(3)) < 1e-9)
        #expect(abs(fit.intercept - 2 * log(3)) < 1e-9)
        #expect(abs(fit.minutes - 4) < 1e-9)
        #expect(abs(fit.minutes(atSuccess: 0.75) - 2) < 1e-9, "the fit passes through 3/4 at 2 minutes")
    }

    @Test func noFitWithoutAFallingSuccess() {
        #expect(TimeHorizon.fit([(2, 1), (8, 1), (30, 1)]) == nil, "every attempt succeeded")
        #expect(TimeHorizon.fit([(2, 0), (8, 0)]) == nil, "every attempt failed")
        #expect(TimeHorizon.fit([(2, 1), (4, 1), (8, 0), (16, 0)]) == nil, "perfectly separated by time")
        #expect(TimeHorizon.fit([(2, 1), (4, 1), (4, 0), (16, 0)]) == nil, "separated, with a tie at the boundary")
        let ridged = TimeHorizon.fit([(2, 1), (4, 1), (8, 0), (16, 0)], ridge: TimeHorizon.ridge)
        #expect(ridged.map { $0.minutes > 4 && $0.minutes < 8 } == true, "the ridge gives separated data a finite fit")
        #expect(TimeHorizon.fit([(2, 0), (2, 1), (8, 1), (8, 1), (8, 0), (2, 0)]) == nil, "success rises with time")
    }

    /// The aggregate reads human minutes from the samples' metadata, keeps a task's epochs together, and its
    /// bootstrap interval holds the estimate.
    @Test func aggregateOverSamplesWithAnInterval() throws {
        var scored: [MetricCalculator.Scored] = []
        let outcomes: [(Double, [Double])] = [(2, [1, 1]), (2, [1, 0]), (4, [1, 1]), (8, [0, 1]), (8, [0, 0]), (30, [0, 0]),
                                              (3, [1, 1]), (16, [0, 1]), (60, [0, 0])]
        for (index, (minutes, epochs)) in outcomes.enumerated() {
            let sample = Sample(
                id: "t\(index)", messages: [.user("x")], metadata: [AggregateMetric.humanMinutesField: String(minutes)])
            for (epoch, value) in epochs.enumerated() {
                scored.append(.init(sample: sample, epoch: epoch + 1, score: Score(value: value, explanation: "")))
            }
        }
        let results = AggregateMetric.timeHorizon().compute(scored)
        let result = try #require(results.first)
        #expect(result.n == outcomes.count)
        #expect(result.value > 3 && result.value < 16)
        #expect(result.ciLow <= result.value && result.value <= result.ciHigh)
        let direct = try #require(
            TimeHorizon.fit(outcomes.flatMap { task in task.1.map { (task.0, $0) } }, ridge: TimeHorizon.ridge))
        #expect(abs(direct.minutes - result.value) < 1e-9)
    }
}
