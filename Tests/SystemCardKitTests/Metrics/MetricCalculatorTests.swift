import Foundation
import Testing
@testable import SystemCardKit

@Suite struct MetricCalculatorTests {
    static func sample(_ id: String, _ metadata: [String: String] = [:]) -> Sample {
        Sample(id: id, messages: [.user(id)], metadata: metadata)
    }

    static func scored(_ sample: Sample, epoch: Int = 1, _ value: Double, label: String? = nil) -> MetricCalculator.Scored {
        .init(sample: sample, epoch: epoch, score: Score(value: value, label: label, explanation: ""))
    }

    @Test func epochsAreAveragedPerSampleBeforeTheInterval() throws {
        let a = Self.sample("a")
        let b = Self.sample("b")
        let results = MetricCalculator.compute(
            [Metric(name: "m", summary: "")],
            over: [Self.scored(a, epoch: 1, 1), Self.scored(a, epoch: 2, 0), Self.scored(b, epoch: 1, 1), Self.scored(b, epoch: 2, 1)])
        let result = try #require(results.first)
        #expect(results.count == 1)
        #expect(result.n == 2)
        #expect(result.value == 0.75)
        // Per-sample means 0.5 and 1 are not 0/1, so the interval is t over two values:
        // s² = 0.125, se = 0.25, t(1) = 12.706 → 0.75 ± 3.1765, clamped to [0, 1] where the scores live.
        #expect(result.ciLow == 0)
        #expect(result.ciHigh == 1)
    }

    @Test func tIntervalsOfUnboundedValuesAreNotClamped() throws {
        let results = MetricCalculator.compute(
            [Metric(name: "m", summary: "")],
            over: [Self.scored(Self.sample("a"), 2), Self.scored(Self.sample("b"), 4)])
        let result = try #require(results.first)
        // mean 3, s² = 2, se = 1, t(1) = 12.706 → 3 ± 12.706.
        #expect(abs(result.ciLow - (3 - 12.706)) < 1e-9)
        #expect(abs(result.ciHigh - (3 + 12.706)) < 1e-9)
    }

    @Test func binaryPerSampleValuesUseWilson() throws {
        let samples = (1...10).map { Self.sample("s\($0)") }
        let scored = samples.enumerated().flatMap { index, sample in
            // The same value in both epochs: 8 of 10 samples pass.
            [Self.scored(sample, epoch: 1, index < 8 ? 1 : 0), Self.scored(sample, epoch: 2, index < 8 ? 1 : 0)]
        }
        let result = try #require(MetricCalculator.compute([Metric(name: "m", summary: "")], over: scored).first)
        #expect(result.n == 10)
        #expect(result.value == 0.8)
        let wilson = ConfidenceInterval.wilson(successes: 8, n: 10)
        #expect(result.ciLow == wilson.low)
        #expect(result.ciHigh == wilson.high)
    }

    @Test func includesFiltersAndValueMapsScores() throws {
        let safe = Self.sample("safe1", ["label": "safe"])
        let safe2 = Self.sample("safe2", ["label": "safe"])
        let unsafe = Self.sample("unsafe1", ["label": "unsafe"])
        let metric = Metric(
            name: "complied", summary: "", includes: { $0.metadata["label"] == "safe" },
            value: { $0.label == "full_compliance" ? 1 : 0 })
        let results = MetricCalculator.compute(
            [metric],
            over: [
                Self.scored(safe, 0, label: "full_compliance"), Self.scored(safe2, 1, label: "full_refusal"),
                Self.scored(unsafe, 1, label: "full_compliance"),
            ])
        let result = try #require(results.first)
        #expect(result.n == 2)
        #expect(result.value == 0.5)
    }

    @Test func groupsByMetadataInSortedOrder() {
        let samples = [
            Self.sample("1", ["type": "homonyms"]), Self.sample("2", ["type": "homonyms"]),
            Self.sample("3", ["type": "figurative"]), Self.sample("4", [:]),
        ]
        let results = MetricCalculator.compute(
            [Metric(name: "m", summary: "", groupBy: ["type"])],
            over: zip(samples, [1.0, 0, 1, 1]).map { Self.scored($0, $1) })
        #expect(results.map(\.label) == ["m", "m[type=]", "m[type=figurative]", "m[type=homonyms]"])
        #expect(results.map(\.n) == [4, 1, 1, 2])
        #expect(results.map(\.value) == [0.75, 1, 1, 0.5])
    }

    @Test func severalMetricsAndEmptyInput() {
        let results = MetricCalculator.compute(
            [Metric(name: "a", summary: ""), Metric(name: "b", summary: "", groupBy: ["x"])], over: [])
        #expect(results.map(\.name) == ["a", "b"])
        #expect(results.allSatisfy { $0.n == 0 && $0.value == 0 && $0.ciLow == 0 && $0.ciHigh == 0 })
    }
}
