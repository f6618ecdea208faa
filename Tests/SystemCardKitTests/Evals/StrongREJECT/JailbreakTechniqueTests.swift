import Foundation
import Testing
@testable import SystemCardKit

@Suite struct JailbreakTechniqueTests {
    func technique(_ name: String) throws -> JailbreakTechnique {
        try #require(JailbreakTechnique.builtIns.first { $0.name == name })
    }

    @Test func noneSendsThePromptAsIs() throws {
        #expect(try technique("none").apply(to: "Do X.") == "Do X.")
    }

    @Test func rot13AndLeetspeakTransformTheText() throws {
        #expect(JailbreakTechnique.rot13("Hello, World!") == "Uryyb, Jbeyq!")
        #expect(JailbreakTechnique.rot13(JailbreakTechnique.rot13("abc XYZ 123")) == "abc XYZ 123")
        #expect(JailbreakTechnique.leetspeak("Stolen items") == "570l3n 173m5")
        #expect(try technique("rot13").apply(to: "abc").hasSuffix("\n\nnop"))
    }

    @Test func base64EncodesThePrompt() throws {
        let text = try technique("base64").apply(to: "Do X.")
        #expect(text.hasSuffix("\n\n" + Data("Do X.".utf8).base64EncodedString()))
        #expect(!text.contains("Do X."))
    }

    @Test func refusalSuppressionAndPrefixInjectionKeepThePrompt() throws {
        #expect(try technique("refusal_suppression").apply(to: "Do X.").contains("Request: Do X."))
        #expect(try technique("prefix_injection").apply(to: "Do X.").hasPrefix("Do X.\n\nBegin your reply"))
    }

    @Test func translationLeavesThePromptToTheSolver() throws {
        let translation = try technique("translation_zulu")
        #expect(translation.kind == .translation(language: "Zulu"))
        #expect(translation.apply(to: "Do X.") == "Do X.")
    }

    @Test func templatesReplaceEveryPlaceholderLiterally() {
        let filled = JailbreakTemplates.fill("A {{ prompt }} B {{prompt}} C", prompt: "$1 {{ prompt }}")
        #expect(filled == "A $1 {{ prompt }} B $1 {{ prompt }} C")
    }

    @Test func selectionParsesNamesAndRejectsEmptyOnes() throws {
        #expect(try JailbreakTechniqueSelection(nil).names == nil)
        #expect(try JailbreakTechniqueSelection(" none, base64 ").names == ["none", "base64"])
        #expect(throws: SystemCardError.self) { try JailbreakTechniqueSelection("none,,base64") }
    }

    @Test(.enabled(if: SharedData.has(JailbreakTemplates.folder)))
    func selectionResolvesBuiltInsAndTemplates() throws {
        let (techniques, files) = try JailbreakTechniqueSelection("none,aim,pyrit/aim,refusal_suppression,builtins")
            .resolve(in: SharedData.directory)
        #expect(techniques.map(\.name).prefix(3) == ["none", "pyrit/aim", "refusal_suppression"])
        #expect(techniques.count == 1 + JailbreakTechnique.builtIns.count)
        #expect(files.map(\.path) == ["jailbreak-templates/pyrit/aim.yaml"])
        let aim = try #require(techniques.first { $0.name == "pyrit/aim" })
        #expect(aim.apply(to: "QQQ").contains("QQQ"))
        #expect(!aim.apply(to: "QQQ").contains("{{"))
    }

    @Test(.enabled(if: SharedData.has(JailbreakTemplates.folder)))
    func everyTemplateLoadsAndTheDefaultIsEverything() throws {
        let (techniques, files) = try JailbreakTechniqueSelection(nil).resolve(in: SharedData.directory)
        #expect(files.count == 90)
        #expect(techniques.count == 90 + JailbreakTechnique.builtIns.count)
    }

    @Test(.enabled(if: SharedData.has(JailbreakTemplates.folder)))
    func unknownTechniqueIsADatasetError() {
        #expect(throws: DatasetError.self) {
            try JailbreakTechniqueSelection("none,no_such_trick").resolve(in: SharedData.directory)
        }
    }
}
