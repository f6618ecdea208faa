import Testing
@testable import SystemCardKit

@Suite struct MultipleChoiceGraderTests {
    static func question(_ answer: String = "C", language: AnswerLanguage = .french) throws -> MultipleChoiceQuestion {
        try MultipleChoiceQuestion(
            question: "Quelle est la capitale de la France ?", options: ["Berlin", "Madrid", "Paris", "Rome"],
            answer: answer, language: language, metadata: ["subject": "geography"])
    }

    @Test func promptListsLettersAndAsksForTheAnswerLine() throws {
        let sample = try Self.question().sample(id: "fr/0")
        #expect(sample.target == "C")
        #expect(sample.metadata["option_count"] == "4")
        #expect(sample.metadata["language"] == "fr")
        #expect(sample.metadata["subject"] == "geography")
        #expect(sample.prompt.hasPrefix("Answer the following multiple choice question."))
        #expect(sample.prompt.contains("where LETTER is one of ABCD."))
        let options = "A) Berlin\nB) Madrid\nC) Paris\nD) Rome"
        #expect(sample.prompt.hasSuffix("Quelle est la capitale de la France ?\n\n" + options))
        let two = try MultipleChoiceQuestion(question: "Yes?", options: ["yes", "no"], answer: "b")
        #expect(two.sample(id: "x").prompt.contains("one of AB."))
        #expect(two.answer == "B")
    }

    @Test func invalidQuestionsAreRejectedWithAReason() {
        #expect(throws: MultipleChoiceError.self) {
            try MultipleChoiceQuestion(question: "q", options: ["only"], answer: "A")
        }
        #expect(throws: MultipleChoiceError("answer 'E' is not one of A, B, C, D")) {
            try MultipleChoiceQuestion(question: "q", options: ["a", "b", "c", "d"], answer: "E")
        }
        #expect(throws: MultipleChoiceError.self) {
            try MultipleChoiceQuestion(question: "q", options: Array(repeating: "x", count: 13), answer: "A")
        }
        #expect(throws: MultipleChoiceError("option B is empty")) {
            try MultipleChoiceQuestion(question: "q", options: ["a", " ", "c"], answer: "A")
        }
    }

    @Test func scoresCarryTheChosenLetterOrUnextractable() async throws {
        let sample = try Self.question().sample(id: "fr/0")
        let grader = MultipleChoiceGrader()
        let context = GraderContext(judge: nil)
        func grade(_ text: String) async throws -> Score {
            try await grader.grade(sample, output: SolverOutput(completion: text, transcript: []), context: context)
        }
        let right = try await grade("Paris.\n\n**Réponse :** C")
        #expect(right.value == 1 && right.label == "C")
        #expect(right.explanation.contains("strict"))
        let wrong = try await grade("Réponse : A")
        #expect(wrong.value == 0 && wrong.label == "A")
        let none = try await grade("Je ne sais pas.")
        #expect(none.value == 0 && none.label == MultipleChoiceGrader.unextractable)
        #expect(grader.version == "mc-strict-v1")
        #expect(MultipleChoiceGrader(mode: .reference).version == "mc-reference-v1")
    }

    @Test func extractionOptionIsParsed() throws {
        #expect(try ExtractionMode(option: nil) == .strict)
        #expect(try ExtractionMode(option: "Reference") == .reference)
        #expect(throws: SystemCardError.self) { try ExtractionMode(option: "fuzzy") }
    }
}
