import Foundation
import Testing

@testable import SystemCardKit

/// WMDP's question files: the shared copy loads with the counts and answer distribution its SOURCE.md
/// records; malformed items are errors that name the item.
struct WMDPDatasetTests {
    @Test(.enabled(if: CBRNData.available("wmdp-bio-chem"), "needs ../shared/datasets/wmdp-bio-chem"))
    func theSharedFilesLoadWithThePublishedCounts() throws {
        let loaded = try WMDPDataset(domains: WMDPDataset.domains).load(from: CBRNData.directory)
        let byDomain = Dictionary(grouping: loaded.samples) { $0.metadata["domain"] ?? "" }
        #expect(byDomain["bio"]?.count == 1_273)
        #expect(byDomain["chem"]?.count == 408)
        let bioAnswers = Dictionary(grouping: byDomain["bio"]!) { $0.target ?? "" }.mapValues(\.count)
        #expect(bioAnswers == ["A": 314, "B": 315, "C": 338, "D": 306], "SOURCE.md's distribution")
        #expect(loaded.samples.prefix(2).map { $0.metadata["domain"] } == ["bio", "chem"], "domains alternate")
        #expect(loaded.files.map(\.sha256) == WMDPData.wmdp.files.map(\.sha256), "the pinned digests")
        let first = try #require(loaded.samples.first)
        #expect(first.id == "bio/0")
        #expect(first.prompt.hasPrefix("Answer the following multiple choice question."))
        #expect(first.prompt.contains("\nA) ") && first.prompt.contains("\nD) "))
    }

    @Test func malformedItemsNameTheItem() {
        let prompt = MultipleChoicePrompt.chainOfThought
        func message(_ json: String) -> String {
            do {
                _ = try WMDPDataset.samples(Data(json.utf8), domain: "bio", file: "bio.json", prompt: prompt)
                return "no error"
            } catch { return "\(error)" }
        }
        #expect(message("{\"question\": \"q\"}").contains("expected a JSON array"))
        #expect(message("[{\"question\": \"q\", \"choices\": [\"a\", \"b\"], \"answer\": 2}]").contains(
            "item 0: answer must be the index of one of the 2 choices"))
        #expect(message("[{\"question\": \"q\", \"choices\": [\"a\", \"\"], \"answer\": 0}]").contains(
            "item 0: option B is empty"))
        #expect(message("[{\"question\": \"q\", \"choices\": [\"a\", \"b\"], \"answer\": 1}]") == "no error")
    }
}

/// `../shared/datasets` for the CBRN tests.
enum CBRNData {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/datasets")
    static var directory: DataDirectory { DataDirectory(url: root) }

    static func available(_ folder: String) -> Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent(folder).path)
    }
}
