import Foundation
import Testing
@testable import SystemCardKit

@Suite struct MMLUDatasetTests {
    static var hasMMLU: Bool { SharedData.has(MMLUDataset.path(subject: "abstract_algebra")) }

    /// The fixture folder with `mmmlu/mmlu_<LOCALE>.csv` for all 14 languages (3 questions each).
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures")

    @Test(.enabled(if: hasMMLU, "MMLU not found in ../shared/datasets/mmlu"))
    func loadsAll57SubjectsInterleaved() throws {
        let loaded = try MMLUDataset().load(from: SharedData.directory)
        #expect(loaded.samples.count == 14_042)
        #expect(loaded.files.count == 57)
        #expect(Set(loaded.samples.map(\.id)).count == 14_042)
        // Interleaved: the first 57 samples are the first question of each subject.
        #expect(Set(loaded.samples.prefix(57).compactMap { $0.metadata["subject"] }).count == 57)
        let first = try #require(loaded.samples.first)
        #expect(first.id == "abstract_algebra/0")
        #expect(first.target == "B")  // answer 1 in the file
        #expect(first.metadata["category"] == "stem")
        #expect(first.prompt.contains("A) 0\nB) 4\nC) 2\nD) 6"))
        #expect(Set(loaded.samples.compactMap { $0.metadata["category"] })
            == ["stem", "humanities", "social_sciences", "other"])
    }

    @Test func loadsFixtureFilesOfAllFourteenLanguages() throws {
        let loaded = try MMMLUDataset().load(from: DataDirectory(url: Self.fixtures))
        #expect(loaded.samples.count == 14 * 3)
        #expect(loaded.files.map(\.path).contains("mmmlu/mmlu_FR-FR.csv"))
        // Interleaved by row: the first 14 samples are row 0 of every language.
        #expect(loaded.samples.prefix(14).map { $0.metadata["language"] ?? "" } == AnswerLanguage.mmmlu.map(\.rawValue))
        let french = try #require(loaded.samples.first { $0.id == "fr/2" })
        #expect(french.target == "B")
        #expect(french.metadata["subject"] == "astronomy")
        #expect(french.prompt.contains("B) Mars"))
    }

    @Test func selectedLanguagesOnlyAndAMissingFileSaysHowToFetchIt() throws {
        let two = try MMMLUDataset(languages: [.german, .swahili]).load(from: DataDirectory(url: Self.fixtures))
        #expect(Set(two.samples.compactMap { $0.metadata["language"] }) == ["de", "sw"])
        let empty = try TemporaryDirectory()
        defer { empty.remove() }
        #expect {
            try MMMLUDataset(languages: [.french]).load(from: DataDirectory(url: empty.url))
        } throws: { "\($0)".contains("systemcard data fetch mmmlu`") }
    }

    @Test func aBadAnswerLetterNamesFileLineAndField() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        _ = try directory.write(
            ",Question,A,B,C,D,Answer,Subject\n0,Q?,a,b,c,d,A,anatomy\n1,Q2?,a,b,c,d,F,anatomy\n",
            to: "mmmlu/mmlu_DE-DE.csv")
        #expect(throws: DatasetError(
            file: "mmmlu/mmlu_DE-DE.csv", line: 3, field: "Answer", reason: "answer 'F' is not one of A, B, C, D")) {
            try MMMLUDataset(languages: [.german]).load(from: DataDirectory(url: directory.url))
        }
    }

    @Test func languagesOptionAcceptsCodesNamesAndLocales() throws {
        #expect(try MMMLUEvaluation.parseLanguages(nil) == AnswerLanguage.mmmlu)
        let parsed = try MMMLUEvaluation.parseLanguages("fr, de,FR-FR,yo_ng,Swahili")
        #expect(parsed == [.french, .german, .yoruba, .swahili])
        #expect(throws: SystemCardError.self) { try MMMLUEvaluation.parseLanguages("fr,xx") }
        #expect(throws: SystemCardError.self) { try MMMLUEvaluation.parseLanguages("en") }
        let evaluation = try EvaluationRegistry.evaluation(named: "mmmlu", options: ["languages": "ar,de"])
        #expect(evaluation.references.map(\.metric) == ["accuracy[language=ar]", "accuracy[language=ar]"])
        #expect(evaluation.options["languages"] == "ar,de")
        #expect(evaluation.section == .multilingual)
        #expect(try EvaluationRegistry.evaluation(named: "mmlu", options: ["extraction": "reference"])
            .options["extraction"] == "reference")
    }
}
