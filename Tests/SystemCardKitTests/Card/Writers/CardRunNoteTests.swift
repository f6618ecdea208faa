import Testing

@testable import SystemCardKit

/// Both writers say the same about every run: missing and errored samples, limit, epochs, folded developer
/// messages, the grader and the run (RunSummary requires these wherever results are reported).
@Suite struct CardRunNoteTests {
    static func card() -> CardDocument {
        let models = [CardFixtures.model("a"), CardFixtures.model("b")]
        var evaluation = CardFixtures.evaluation("xstest", section: .disallowedContent, values: ["a": 0.5, "b": nil])
        evaluation.results[0] = CardModelResult(
            model: "a", runId: "xstest-0123456789ab", grader: "model", graderVersion: "judge-v1",
            graderModel: "openai/judge", epochs: 3, limit: 20,
            counts: CardRunCounts(samples: 60, scored: 50, errors: 4, missing: 6), developerRoleFolded: 7,
            figures: [CardFixtures.figure("rate", 0.5)])
        return CardDocument(
            title: "t", generatedAt: "2026-01-01T00:00:00Z", generator: "test", profile: .full, models: models,
            graderModel: "openai/judge", evaluations: [evaluation],
            preparedness: PreparednessScorer.score(config: PreparednessConfig(), models: models, evaluations: [evaluation]))
    }

    @Test func theNoteCarriesEverythingARunMustReport() throws {
        let note = CardRunNote(Self.card().evaluations[0].results[0], evaluation: "xstest")
        #expect(note.notRun == nil)
        #expect(
            note.parts == [
                .text("50 of 60 samples scored"), .text("4 errored (in no metric)"),
                .text("6 not run (the run stopped early)"), .text("grader model (judge-v1) with openai/judge"),
                .text(
                    "judge not validated in this card (systemcard validate xstest-grader --grader <judge> measures its "
                        + "agreement with XSTest's 450 human labels)"),
                .text("limit 20"), .text("3 epochs"),
                .text("developer messages folded into the system message for 7 samples"), .run("xstest-0123456789ab"),
            ])
        let other = CardRunNote(Self.card().evaluations[0].results[0], evaluation: "hallucination")
        #expect(other.parts.contains(.text("judge not validated in this card (no labelled set for this evaluation)")))
        let notRun = CardRunNote(Self.card().evaluations[0].results[1])
        #expect(notRun.notRun?.contains("data fetch xstest") == true)
        #expect(notRun.parts.isEmpty)
    }

    @Test func markdownAndHTMLSayTheSame() {
        let card = Self.card()
        let markdown = CardMarkdownWriter.render(card)
        let html = CardHTMLWriter.render(card)
        for phrase in [
            "50 of 60 samples scored", "4 errored (in no metric)", "6 not run (the run stopped early)", "limit 20",
            "3 epochs", "developer messages folded into the system message for 7 samples", "xstest-0123456789ab",
            "not run: dataset file missing",
        ] {
            #expect(markdown.contains(phrase), "Markdown lacks '\(phrase)'")
            #expect(html.contains(phrase), "HTML lacks '\(phrase)'")
        }
    }
}
