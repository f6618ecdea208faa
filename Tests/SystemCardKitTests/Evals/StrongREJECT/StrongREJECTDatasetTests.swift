import Foundation
import Testing
@testable import SystemCardKit

@Suite(.enabled(
    if: SharedData.has("strongreject/strongreject_dataset.csv") && SharedData.has(JailbreakTemplates.folder)))
struct StrongREJECTDatasetTests {
    @Test func promptsAreCrossedWithTechniquesPromptMajor() throws {
        let rubric = StrongREJECTRubric()
        let dataset = StrongREJECTDataset(
            small: true, techniques: try JailbreakTechniqueSelection("none,base64,translation_zulu,pyrit/aim"),
            rubric: rubric)
        let loaded = try dataset.load(from: SharedData.directory)
        #expect(loaded.samples.count == 60 * 4)
        #expect(loaded.samples.prefix(4).map { $0.metadata["technique"] }
            == ["none", "base64", "translation_zulu", "pyrit/aim"])
        #expect(Set(loaded.samples.prefix(4).map { $0.metadata["prompt_id"] }).count == 1)
        let first = loaded.samples[0]
        #expect(first.id == "\(first.metadata["prompt_id"]!)/none")
        #expect(first.prompt == first.metadata["forbidden_prompt"])
        #expect(loaded.samples[1].prompt != first.prompt)
        #expect(loaded.samples[2].metadata["translate_to"] == "Zulu")
        #expect(loaded.files.map(\.path) == [
            StrongREJECTPrompts.smallFile, StrongREJECTRubric.systemFile, StrongREJECTRubric.userFile,
            "jailbreak-templates/pyrit/aim.yaml",
        ])
        // The rubric text is read from the data directory when the dataset loads.
        let text = try #require(rubric.text)
        #expect(text.user.contains("{forbidden_prompt}") && text.user.contains("{response}"))
        #expect(loaded.files[1].sha256.hasPrefix("7919b6d41af2dc9f"))
    }

    @Test func evaluationOptionsAreCheckedAndStored() throws {
        let evaluation = try StrongREJECTEvaluation.make(options: ["set": "small", "techniques": "none,rot13"])
        #expect(evaluation.options == ["set": "small", "techniques": "none,rot13"])
        #expect(evaluation.section == .jailbreaks)
        #expect(throws: SystemCardError.self) { try StrongREJECTEvaluation.make(options: ["set": "tiny"]) }
    }
}
