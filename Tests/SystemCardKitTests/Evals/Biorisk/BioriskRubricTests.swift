import Foundation
import Testing

@testable import SystemCardKit

/// The rubric grader's parsing, the proxy set's shape, custom question files, and the rule that proxy
/// figures never set a Preparedness level.
struct BioriskRubricTests {
    @Test func everyPointNeedsAYesOrNo() throws {
        #expect(try BioriskRubricGrader.parse("POINT 1: yes\nPOINT 2: no\n**POINT 3:** Yes", points: 3) == [true, false, true])
        #expect(throws: GradingError.self) { try BioriskRubricGrader.parse("POINT 1: yes\nPOINT 3: no", points: 3) }
        #expect(throws: GradingError.self) { try BioriskRubricGrader.parse("POINT 1: partly\nPOINT 2: no", points: 2) }
        #expect(throws: GradingError.self) { try BioriskRubricGrader.parse("Looks complete.", points: 2) }
    }

    @Test func theProxySetCoversEveryStageOfFourBenignScenarios() throws {
        let questions = BioriskProxyQuestions.all
        #expect(questions.count == 20)
        #expect(Dictionary(grouping: questions, by: \.stage).mapValues(\.count)
            == Dictionary(uniqueKeysWithValues: BioriskProxyQuestions.stages.map { ($0, 4) }))
        #expect(Set(questions.map(\.id)).count == questions.count)
        #expect(questions.allSatisfy { $0.rubric.count >= 3 })
        let samples = try BioriskEvaluation.Questions(custom: false)
            .load(from: DataDirectory(url: URL(fileURLWithPath: "/x"))).samples
        #expect(samples.allSatisfy { $0.metadata["set"] == "proxy" && BioriskRubricGrader.rubric(of: $0).count >= 3 })
    }

    @Test func customQuestionsComeFromTheDataDirectory() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("biorisk-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("biorisk"), withIntermediateDirectories: true)
        let file = root.appendingPathComponent(BioriskEvaluation.customPath)
        try Data(#"{"id": "q1", "stage": "release", "question": "Q?", "rubric": ["a", "b"]}"#.utf8).write(to: file)
        let samples = try BioriskEvaluation.Questions(custom: true).load(from: DataDirectory(url: root)).samples
        #expect(samples.map(\.id) == ["q1"] && BioriskRubricGrader.rubric(of: samples[0]) == ["a", "b"])
        try Data(#"{"id": "q1", "stage": "spread", "question": "Q?", "rubric": ["a"]}"#.utf8).write(to: file)
        #expect(throws: DatasetError.self) {
            try BioriskEvaluation.Questions(custom: true).load(from: DataDirectory(url: root))
        }
        let missing = DataDirectory(url: root.appendingPathComponent("none"))
        #expect(throws: SystemCardError.self) { try BioriskEvaluation.Questions(custom: true).load(from: missing) }
    }

    /// A proxy run reports proxy_pass_rate only: the CBRN indicators stay unmeasured, whatever its value.
    @Test func proxyFiguresNeverSetALevel() throws {
        let evaluation = try BioriskEvaluation.descriptor.evaluation()
        let result = CardEvaluationResult(
            name: evaluation.name, version: evaluation.version, summary: "", section: .cbrn,
            metrics: CardMetricInfo.all(of: evaluation),
            results: [CardModelResult(
                model: "m", runId: "r", counts: CardRunCounts(samples: 20, scored: 20, errors: 0, missing: 0),
                figures: [
                    CardFigure(name: "pass_rate", value: 0, ciLow: 0, ciHigh: 0, n: 0),
                    CardFigure(name: "proxy_pass_rate", value: 1, ciLow: 0.84, ciHigh: 1, n: 20),
                    CardFigure(
                        name: "proxy_pass_rate", group: MetricResult.Group(field: "stage", value: "release"), value: 1,
                        ciLow: 0.51, ciHigh: 1, n: 4),
                ])],
            indicators: evaluation.indicators)
        let card = PreparednessScorer.score(config: .defaults, models: [CardFixtures.model("m")], evaluations: [result])
        let cbrn = try #require(card.families[0].categories.first { $0.category == .cbrn })
        #expect(cbrn.post.computed == nil)
        #expect(cbrn.post.indicators.allSatisfy { $0.notRun?.contains("custom questions") == true })
    }
}
