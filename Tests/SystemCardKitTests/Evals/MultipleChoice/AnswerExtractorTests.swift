import Testing
@testable import SystemCardKit

/// Real-looking responses in every MMMLU language (markdown, LaTeX, full-width and localized letters,
/// several candidate letters, none), with the letter each extraction mode must find ("-" = unextractable).
@Suite struct AnswerExtractorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var language: AnswerLanguage
        var response: String
        var strict: String
        var reference: String
        var options = 4

        var testDescription: String { "\(language.rawValue): \(response.prefix(40).debugDescription)" }
    }

    static let cases: [Case] = [
        // English
        Case(language: .english, response: "The capital is Paris.\n\nAnswer: C", strict: "C", reference: "C"),
        Case(language: .english, response: "**Answer:** **B**", strict: "B", reference: "B"),
        Case(language: .english, response: "Answer: $\\boxed{D}$", strict: "D", reference: "D"),
        Case(language: .english, response: "Answer: \\(\\text{A}\\)", strict: "A", reference: "A"),
        Case(language: .english, response: "### Final Answer\n\nAnswer: **C**", strict: "C", reference: "C"),
        Case(
            language: .english, response: "At first, Answer: A seemed right, but it is B.\n\nAnswer: B",
            strict: "B", reference: "A"),
        Case(language: .english, response: "Answer: (C)", strict: "C", reference: "-"),
        Case(language: .english, response: "Answer: a bit unclear, maybe B", strict: "-", reference: "-"),
        Case(language: .english, response: "Answer: Because the others are wrong, C", strict: "-", reference: "B"),
        Case(language: .english, response: "I am not sure which one is right.", strict: "-", reference: "-"),
        Case(language: .english, response: "Answer: E", strict: "-", reference: "-"),
        Case(language: .english, response: "Answer: H", strict: "H", reference: "H", options: 10),
        Case(language: .english, response: "Answer: b)", strict: "B", reference: "-"),
        // German: the reference catches a letter from the next word or from the answer word itself.
        Case(language: .german, response: "Antwort: Die richtige Antwort ist B.", strict: "-", reference: "D"),
        Case(language: .german, response: "Antwort: Antwort B", strict: "B", reference: "A"),
        Case(language: .german, response: "Drei Seiten.\n\n**Antwort:** C", strict: "C", reference: "C"),
        // French
        Case(language: .french, response: "La capitale est Paris.\n\n**Réponse :** C", strict: "C", reference: "C"),
        Case(language: .french, response: "Réponse\u{202F}: B", strict: "B", reference: "B"),
        Case(language: .french, response: "Reponse : D", strict: "D", reference: "-"),
        // Spanish, Italian, Portuguese
        Case(language: .spanish, response: "Respuesta: **A**", strict: "A", reference: "A"),
        Case(language: .spanish, response: "Respuesta final: C", strict: "C", reference: "-"),
        Case(language: .italian, response: "Il pianeta è Marte.\nRisposta: B", strict: "B", reference: "B"),
        Case(language: .portuguese, response: "Resposta: (D)", strict: "D", reference: "-"),
        // Indonesian, Swahili
        Case(language: .indonesian, response: "Jawaban: C", strict: "C", reference: "C"),
        Case(language: .swahili, response: "Jibu: A", strict: "A", reference: "A"),
        Case(language: .swahili, response: "Jibu la mwisho: B", strict: "B", reference: "-"),
        // Yoruba: precomposed, plain and decomposed spellings of Ìdáhùn.
        Case(language: .yoruba, response: "Ìdáhùn: B", strict: "B", reference: "B"),
        Case(language: .yoruba, response: "Idahun: C", strict: "C", reference: "C"),
        Case(language: .yoruba, response: "I\u{300}da\u{301}hu\u{300}n: D", strict: "D", reference: "-"),
        // Arabic: letters أ ب ج د; the reference catches the alef of الخيار.
        Case(language: .arabic, response: "العاصمة هي باريس.\nالإجابة: ج", strict: "C", reference: "C"),
        Case(language: .arabic, response: "الإجابة: الخيار ب", strict: "B", reference: "-"),
        Case(language: .arabic, response: "الإجابة النهائية: د", strict: "D", reference: "D"),
        Case(language: .arabic, response: "الإجَابَة: أ", strict: "A", reference: "-"),
        // Bengali: native ক খ গ ঘ and the reference's অ ব ড ঢ; visarga as colon.
        Case(language: .bengali, response: "উত্তর: গ", strict: "C", reference: "-"),
        Case(language: .bengali, response: "উত্তরঃ ব", strict: "B", reference: "B"),
        Case(language: .bengali, response: "**উত্তর:** A", strict: "A", reference: "A"),
        // Hindi: Devanagari क ख ग घ.
        Case(language: .hindi, response: "उत्तर: ख", strict: "B", reference: "-"),
        Case(language: .hindi, response: "त्रिभुज की तीन भुजाएँ होती हैं।\nउत्तर: A", strict: "A", reference: "A"),
        // Chinese: full-width colon and letter, LaTeX box.
        Case(language: .chinese, response: "法国的首都是巴黎。\n\n答案：C", strict: "C", reference: "C"),
        Case(language: .chinese, response: "答案：\\boxed{B}", strict: "B", reference: "B"),
        Case(language: .chinese, response: "答案：Ｃ", strict: "C", reference: "C"),
        // Japanese
        Case(language: .japanese, response: "答え：Ａ", strict: "A", reference: "A"),
        Case(language: .japanese, response: "火星です。\n正解：B", strict: "B", reference: "-"),
        // Korean
        Case(language: .korean, response: "정답: C", strict: "C", reference: "C"),
        Case(language: .korean, response: "화성입니다.\n\n답변: **B**", strict: "B", reference: "B"),
        Case(language: .korean, response: "Answer: D", strict: "D", reference: "D"),
    ]

    static func letter(_ answer: ExtractedAnswer) -> String { answer.letter ?? "-" }

    @Test(arguments: cases)
    func strictMode(_ testCase: Case) {
        let found = AnswerExtractor(mode: .strict)
            .extract(testCase.response, language: testCase.language, optionCount: testCase.options)
        #expect(Self.letter(found) == testCase.strict, "evidence: \(found.evidence)")
    }

    @Test(arguments: cases)
    func referenceMode(_ testCase: Case) {
        let found = AnswerExtractor(mode: .reference)
            .extract(testCase.response, language: testCase.language, optionCount: testCase.options)
        #expect(Self.letter(found) == testCase.reference, "evidence: \(found.evidence)")
    }

    @Test func everyMMMLULanguageHasACaseAndBothModesDifferSomewhere() {
        let covered = Set(Self.cases.map(\.language))
        #expect(AnswerLanguage.mmmlu.allSatisfy(covered.contains))
        #expect(Self.cases.contains { $0.strict != $0.reference })
    }

    @Test func firstMatchCatchesTheLetterOfTheAnswerWordAndStrictDoesNot() {
        // The known weakness of first-match extraction: "A" read from the second "Antwort".
        let response = "Antwort: Antwort C\n\nDie Seiten sind drei."
        let reference = AnswerExtractor(mode: .reference).extract(response, language: .german, optionCount: 4)
        let strict = AnswerExtractor(mode: .strict).extract(response, language: .german, optionCount: 4)
        #expect(reference.letter == "A")
        #expect(reference.evidence == "Antwort: A")
        #expect(strict.letter == "C")
    }

    @Test func normalizerRemovesMarkdownLatexAndScriptVariants() {
        func cleaned(_ text: String) -> String {
            String(String.UnicodeScalarView(ResponseNormalizer.clean(text).compactMap(Unicode.Scalar.init)))
        }
        #expect(cleaned("**Answer:** $\\boxed{\\text{B}}$") == "Answer: B")
        #expect(cleaned("## Réponse\u{00A0}: `C`") == " Reponse : C")
        #expect(cleaned("答案：Ｄ") == "答案:D")
        #expect(cleaned("Ìdáhùn\u{200B}: A") == "Idahun: A")
        #expect(cleaned("الإجَابَة") == "الإجابة")
    }
}
