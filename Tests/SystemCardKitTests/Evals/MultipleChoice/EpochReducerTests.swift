import Testing
@testable import SystemCardKit

/// Majority vote, the unbiased pass@k estimator and the end-of-run figures on hand-computed cases.
@Suite struct EpochReducerTests {
    @Test func passAtKMatchesTheClosedForm() throws {
        #expect(EpochReducers.passAtK(attempts: 5, correct: 0, k: 1) == 0)
        #expect(EpochReducers.passAtK(attempts: 5, correct: 5, k: 1) == 1)
        #expect(abs(try #require(EpochReducers.passAtK(attempts: 5, correct: 2, k: 1)) - 0.4) < 1e-12)
        // 1 - C(3,2)/C(5,2) = 1 - 3/10
        #expect(abs(try #require(EpochReducers.passAtK(attempts: 5, correct: 2, k: 2)) - 0.7) < 1e-12)
        // 1 - C(3,3)/C(4,3) = 1 - 1/4
        #expect(abs(try #require(EpochReducers.passAtK(attempts: 4, correct: 1, k: 3)) - 0.75) < 1e-12)
        // 1 - C(28,10)/C(32,10) = 1 - (22·21·20·19)/(32·31·30·29)
        let expected = 1 - (22.0 * 21 * 20 * 19) / (32.0 * 31 * 30 * 29)
        #expect(abs(try #require(EpochReducers.passAtK(attempts: 32, correct: 4, k: 10)) - expected) < 1e-12)
        #expect(EpochReducers.passAtK(attempts: 10, correct: 3, k: 10) == 1)
        #expect(EpochReducers.passAtK(attempts: 3, correct: 1, k: 4) == nil)
        #expect(EpochReducers.passAtK(attempts: 3, correct: 1, k: 0) == nil)
    }

    @Test func majorityVoteIgnoresMissingAnswersAndBreaksTiesByFirstAnswer() {
        #expect(EpochReducers.majorityVote(["A", "B", "B", nil]) == "B")
        #expect(EpochReducers.majorityVote(["A", "B", nil, nil]) == "A")
        #expect(EpochReducers.majorityVote(["C", nil, nil, "D", "D", "C", "B"]) == "C")
        #expect(EpochReducers.majorityVote([nil, nil]) == nil)
        #expect(EpochReducers.consensus(["A", "B", "B"], target: "B") == 1)
        #expect(EpochReducers.consensus([nil, nil, "A"], target: "B") == 0)
        #expect(EpochReducers.consensus([nil, nil], target: "B") == 0)
    }

    static func scored(_ id: String, language: String, target: String, labels: [String]) -> [MetricCalculator.Scored] {
        let sample = Sample(id: id, messages: [.user("q")], target: target, metadata: ["language": language])
        return labels.enumerated().map { epoch, label in
            MetricCalculator.Scored(
                sample: sample, epoch: epoch + 1,
                score: Score(value: label == target ? 1 : 0, label: label, explanation: ""))
        }
    }

    static let run: [MetricCalculator.Scored] =
        scored("s1", language: "fr", target: "B", labels: ["B", "C", "B"])
        + scored("s2", language: "de", target: "A", labels: [MultipleChoiceGrader.unextractable, "C", "C"])

    static func figure(_ results: [MetricResult], _ label: String) -> MetricResult? {
        results.first { $0.label == label }
    }

    @Test func consensusPassAtKAndUnextractableCountsOverARun() throws {
        let results = MultipleChoiceFigures.compute(Self.run, consensusK: [2, 3], passK: [2], groupBy: ["language"])
        // cons@3: s1 votes B (right), s2 votes C (wrong).
        let cons3 = try #require(Self.figure(results, "cons@3"))
        #expect(cons3.value == 0.5 && cons3.n == 2)
        #expect(Self.figure(results, "cons@3[language=fr]")?.value == 1)
        #expect(Self.figure(results, "cons@3[language=de]")?.value == 0)
        // cons@2 uses the first two epochs: s1 B/C tie → B (first), s2 only C → C.
        #expect(Self.figure(results, "cons@2")?.value == 0.5)
        // pass@2: s1 has 2 of 3 right → 1; s2 none → 0.
        #expect(Self.figure(results, "pass@2")?.value == 0.5)
        let count = try #require(Self.figure(results, "unextractable_count"))
        #expect(count.value == 1 && count.n == 6)
        #expect(Self.figure(results, "unextractable_count[language=de]")?.value == 1)
        #expect(Self.figure(results, "unextractable_count[language=fr]")?.value == 0)
    }

    @Test func aggregatesUseTheRunsEpochCountAndStayQuietForOneEpoch() throws {
        let aggregates = MultipleChoiceFigures.aggregates(groupBy: ["language"])
        let all = aggregates.flatMap { $0.compute(Self.run) }
        #expect(Self.figure(all, "cons@3")?.value == 0.5)
        #expect(Self.figure(all, "pass@3")?.value == 0.5)
        let single = Self.run.filter { $0.epoch == 1 }
        let one = aggregates.flatMap { $0.compute(single) }
        #expect(one.allSatisfy { $0.name == "unextractable_count" })
        #expect(Self.figure(one, "unextractable_count")?.value == 1)
    }
}
