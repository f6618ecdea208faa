import Foundation
import Testing
@testable import SystemCardKit

/// simple-evals' SimpleQA grading against the fixtures made from its code by scripts/upstream-fixtures/generate.py.
@Suite struct SimpleQAReferenceGraderTests {
    @Test func readsTheGradeAsUpstreamDoesAndNeverGuessesWhereUpstreamDefaults() throws {
        let fixture = try UpstreamFixtures.load("simpleqa-grader.json", as: UpstreamFixtures.SimpleQAGrader.self)
        let letters: [String: SimpleQAGrade] = ["A": .correct, "B": .incorrect, "C": .notAttempted]
        #expect(fixture.replies.contains { !$0.matched })
        for reply in fixture.replies {
            if reply.matched {
                #expect(try SimpleQAReferenceGrader.parse(reply.reply) == letters[reply.letter], "reply \(reply.reply)")
            } else {
                // Upstream counts these NOT_ATTEMPTED; here they are errors, counted as such.
                #expect(throws: GradingError.self, "reply \(reply.reply)") { try SimpleQAReferenceGrader.parse(reply.reply) }
            }
        }
    }

    @Test(.enabled(if: SharedData.has(SimpleQADataset.czechFile) && UpstreamFixtures.has(SimpleQAData.graderSource), "pinned upstream file not here: set SYSTEMCARD_TEST_UPSTREAM_DIR to a data folder after systemcard data fetch xstest simpleqa"))
    func theTemplateIsRenderedByteForByteAsUpstreamRendersIt() throws {
        let fixture = try UpstreamFixtures.load("simpleqa-grader.json", as: UpstreamFixtures.SimpleQAGrader.self)
        let grader = try #require(
            try SimpleQAReferenceGrader().loaded(from: UpstreamFixtures.dataDirectory) as? SimpleQAReferenceGrader)
        let template = try #require(grader.template)
        #expect(SHA256Digest.hex(template) == fixture.template_sha256)
        #expect(grader.version == "simple-evals-grader@" + fixture.upstream_sha256.prefix(12))
        let samples = try SimpleQADataset(peopleOnly: false, language: "en").load(from: SharedData.directory).samples
        for rendered in fixture.rendered {
            let sample = samples[rendered.row!]
            let messages = try SimpleQAReferenceGrader.messages(
                template: template, question: sample.prompt, target: sample.target ?? "", answer: rendered.answer ?? "")
            #expect(SHA256Digest.hex(messages.last!.content) == rendered.sha256, "row \(rendered.row!)")
        }
    }

    @Test func theJudgeGetsTheFilledTemplateAfterUpstreamsSystemMessage() async throws {
        let grader = SimpleQAReferenceGrader(
            template: try SimpleQAReferenceGrader.template(
                from: "GRADER_TEMPLATE = \"\"\"\nQ={question}\nT={target}\nP={predicted_answer}\n{{A|B|C}}\n\"\"\".strip()\n"),
            sha256: String(repeating: "ab", count: 32))
        #expect(grader.version == "simple-evals-grader@abababababab")
        let judge = ScriptedProvider { request in
            #expect(request.messages.map(\.content) == ["You are a helpful assistant.", "Q=Who?\nT=Ada\nP=Ada.\n{A|B|C}"])
            return ModelResponse(text: "The answer matches: A")
        }
        let score = try await grader.grade(
            Sample(id: "s", messages: [.user("Who?")], target: "Ada"),
            output: SolverOutput(completion: "Ada.", transcript: []),
            context: GraderContext(judge: ProviderRole.testJudge(judge)))
        #expect(score.label == SimpleQAGrade.correct.rawValue)
        #expect(score.value == 1)
    }

    @Test func aTemplateWithoutUpstreamsFieldsIsRefused() {
        #expect(throws: SystemCardError.self) {
            try SimpleQAReferenceGrader.template(from: "GRADER_TEMPLATE = \"{question} {target}\"")
        }
        #expect(throws: SystemCardError.self) { try SimpleQAReferenceGrader.template(from: "OTHER = 'x'") }
    }
}
