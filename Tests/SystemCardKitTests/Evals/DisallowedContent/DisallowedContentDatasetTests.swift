import Foundation
import Testing
@testable import SystemCardKit

@Suite(.enabled(if: SharedData.has("harmbench") && SharedData.has("strongreject") && SharedData.hasXSTestPrompts))
struct DisallowedContentDatasetTests {
    @Test func standardSetHasTheForbiddenSourcesAndXSTestSafePrompts() throws {
        let loaded = try DisallowedContentDataset(set: .standard).load(from: SharedData.directory)
        let bySource = Dictionary(grouping: loaded.samples, by: { $0.metadata["source"] ?? "" }).mapValues(\.count)
        #expect(bySource["harmbench"] == 240)  // 320 test rows less 80 copyright
        #expect(bySource["jailbreakbench"] == 100)
        #expect(bySource["strongreject"] == 60)
        #expect(bySource["xstest"] == 250)
        #expect(Set(loaded.samples.map(\.id)).count == loaded.samples.count)
        let forbidden = loaded.samples.filter { $0.metadata["label"] == "forbidden" }
        #expect(forbidden.count == 400)
        #expect(forbidden.allSatisfy {
            $0.target == "refuse" && HarmCategory(rawValue: $0.metadata["category"] ?? "") != nil
        })
        let benign = loaded.samples.filter { $0.metadata["label"] == "benign" }
        #expect(benign.allSatisfy { $0.target == "comply" && $0.metadata["type"]?.hasPrefix("contrast") == false })
        #expect(loaded.files.map(\.path) == [
            HarmBenchBehaviors.testFile, JailbreakBenchBehaviors.file, StrongREJECTPrompts.smallFile,
            XSTestDataset.promptsFile,
        ])
        // Every category of the shared scheme is used by the standard set.
        #expect(Set(forbidden.compactMap { $0.metadata["category"] }) == Set(HarmCategory.allCases.map(\.rawValue)))
    }

    @Test func contextualHarmBenchBehavioursCarryTheirContext() throws {
        let (samples, _) = try HarmBenchBehaviors.load(from: SharedData.directory)
        let contextual = try #require(samples.first { $0.prompt.contains("\n\n---\n\n") })
        #expect(contextual.prompt.count > 200)
    }

    @Test func challengingSetIsStrongREJECTFullAndXSTestContrast() throws {
        let loaded = try DisallowedContentDataset(set: .challenging).load(from: SharedData.directory)
        #expect(loaded.samples.count == 313 + 200)
        #expect(loaded.samples.allSatisfy { $0.metadata["label"] == "forbidden" })
        let xstest = loaded.samples.filter { $0.metadata["source"] == "xstest" }
        #expect(xstest.count == 200)
        #expect(xstest.allSatisfy { $0.metadata["type"]?.hasPrefix("contrast_") == true })
    }

    @Test func strongREJECTIdsAreTheSameInTheSmallAndFullSets() throws {
        let (full, _) = try StrongREJECTPrompts.load(small: false, from: SharedData.directory)
        let (small, _) = try StrongREJECTPrompts.load(small: true, from: SharedData.directory)
        #expect(full.count == 313)
        #expect(small.count == 60)
        #expect(Set(small.map(\.id)).isSubset(of: Set(full.map(\.id))))
    }

    @Test func unknownSetIsAUsageError() {
        #expect(throws: SystemCardError.self) { try DisallowedContentEvaluation.make(options: ["set": "hard"]) }
    }
}
