import Foundation
import Testing
@testable import SystemCardKit

@Suite struct SimpleQATests {
    @Test func readsStringsFromThePythonDictLiteral() {
        let text = #"{'topic': 'Science and technology', 'answer_type': "Person's", 'urls': ['https://x']}"#
        #expect(PythonDictField.string("topic", in: text) == "Science and technology")
        #expect(PythonDictField.string("answer_type", in: text) == "Person's")
        #expect(PythonDictField.string("urls", in: text) == nil)
        #expect(PythonDictField.string("missing", in: text) == nil)
        #expect(PythonDictField.string("topic", in: #"{'topic': 'It\'s'}"#) == "It's")
    }

    @Test func parsesEachGrade() throws {
        #expect(try SimpleQAGrader.parse("REASON: matches\nGRADE: CORRECT").0 == .correct)
        #expect(try SimpleQAGrader.parse("REASON: wrong year\nGRADE: incorrect").0 == .incorrect)
        #expect(try SimpleQAGrader.parse("GRADE: Not attempted").0 == .notAttempted)
        let (grade, reason) = try SimpleQAGrader.parse("**REASON:** says 1998, gold 1999\n**GRADE:** INCORRECT")
        #expect(grade == .incorrect)
        #expect(reason == "says 1998, gold 1999")
    }

    @Test func malformedGradesAreGradingErrors() {
        for text in ["REASON: fine", "GRADE: PARTIALLY CORRECT", "GRADE: maybe CORRECT", "GRADE:"] {
            let error = #expect(throws: GradingError.self) { try SimpleQAGrader.parse(text) }
            #expect(error?.judgeOutput == text)
        }
    }

    @Test func theJudgeSeesQuestionGoldTargetAndAnswer() async throws {
        let sample = Sample(id: "simpleqa-1", messages: [.user("Who won?")], target: "Ada Lovelace")
        let judge = ScriptedProvider { request in
            #expect(request.messages.first?.content == SimpleQAGrader.instructions)
            #expect(request.messages.last?.content
                == "QUESTION:\nWho won?\n\nGOLD TARGET:\nAda Lovelace\n\nPREDICTED ANSWER:\nAda Lovelace won.")
            return ModelResponse(text: "REASON: same person\nGRADE: CORRECT")
        }
        let score = try await SimpleQAGrader().grade(
            sample, output: SolverOutput(completion: "Ada Lovelace won.", transcript: []),
            context: GraderContext(judge: ProviderRole.testJudge(judge)))
        #expect(score.value == 1)
        #expect(score.label == "correct")
        #expect(score.judgeOutput == "REASON: same person\nGRADE: CORRECT")
    }

    @Test func hallucinationHasNoRulesGrader() throws {
        let evaluation = try SimpleQAEvaluation.make()
        #expect(evaluation.graders.rules == nil)
        #expect(evaluation.graders.preferred == .model)
        #expect(throws: SystemCardError.self) {
            try evaluation.graders.grader(for: .rules, evaluation: "hallucination")
        }
        #expect(throws: SystemCardError.self) { try SimpleQAEvaluation.make(options: ["languages": "fr"]) }
    }

    static func scored(_ id: String, _ grade: SimpleQAGrade, epoch: Int = 1) -> MetricCalculator.Scored {
        MetricCalculator.Scored(
            sample: Sample(id: id, messages: [], metadata: ["topic": "Art", "answer_type": "Person"]), epoch: epoch,
            score: Score(value: grade == .correct ? 1 : 0, label: grade.rawValue, explanation: ""))
    }

    @Test func metricsOnAHandComputedRun() throws {
        // 5 questions: 2 correct, 2 incorrect, 1 not attempted.
        let scored = [
            Self.scored("1", .correct), Self.scored("2", .correct), Self.scored("3", .incorrect),
            Self.scored("4", .incorrect), Self.scored("5", .notAttempted),
        ]
        let plain = MetricCalculator.compute(SimpleQAEvaluation.metrics, over: scored)
        #expect(plain.first { $0.label == "accuracy" }?.value == 0.4)
        #expect(plain.first { $0.label == "hallucination_rate" }?.value == 0.4)
        #expect(plain.first { $0.label == "not_attempted_rate" }?.value == 0.2)
        let ratios = SimpleQAEvaluation.aggregateMetrics(scored)
        let given = try #require(ratios.first { $0.name == "correct_given_attempted" })
        #expect(given.value == 0.5)  // 2 of 4 attempted
        #expect(given.n == 5)
        #expect(given.ciLow <= 0.5 && given.ciHigh >= 0.5 && given.ciLow < given.ciHigh)
        #expect(ratios.first { $0.name == "incorrect_given_attempted" }?.value == 0.5)
        // F = 2 × 0.4 × 0.5 / 0.9
        let f = try #require(ratios.first { $0.name == "f_score" }?.value)
        #expect(abs(f - 0.4 / 0.9) < 1e-12)
    }

    @Test func epochsAreAveragedPerQuestionBeforeTheRatio() throws {
        // Question 1: correct then not attempted (0.5 correct, 0.5 attempted); question 2: incorrect twice.
        let scored = [
            Self.scored("1", .correct), Self.scored("1", .notAttempted, epoch: 2),
            Self.scored("2", .incorrect), Self.scored("2", .incorrect, epoch: 2),
        ]
        let given = try #require(HallucinationRatios.compute(scored).first { $0.name == "correct_given_attempted" })
        #expect(given.value == 0.5 / 1.5)
        #expect(given.n == 2)
    }

    @Test func nothingAttemptedGivesZeroNotNaN() {
        let ratios = HallucinationRatios.compute([Self.scored("1", .notAttempted)])
        #expect(ratios.allSatisfy { $0.value == 0 && !$0.ciLow.isNaN })
    }

    @Test(.enabled(if: SharedData.has(SimpleQADataset.czechFile)))
    func loadsAllQuestionsAndThePeopleSubset() throws {
        let all = try SimpleQADataset().load(from: SharedData.directory)
        #expect(all.samples.count == 4326)
        #expect(all.samples[0].prompt == "Who received the IEEE Frank Rosenblatt Award in 2010?")
        #expect(all.samples[0].target == "Michio Sugeno")
        #expect(all.samples[0].metadata
            == ["topic": "Science and technology", "answer_type": "Person", "language": "en"])
        #expect(all.files.map(\.path) == [SimpleQADataset.czechFile])
        let people = try SimpleQADataset(peopleOnly: true).load(from: SharedData.directory)
        #expect(people.samples.count == 1041)
        #expect(people.samples.allSatisfy { $0.metadata["answer_type"] == "Person" })
        let czech = try SimpleQADataset(language: "cs").load(from: SharedData.directory)
        #expect(czech.samples[0].prompt == "Kdo obdržel v roce 2010 cenu IEEE Frank Rosenblatt Award?")
        #expect(czech.samples[0].id == all.samples[0].id)
    }
}
