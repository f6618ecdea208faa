import Foundation
@testable import SystemCardKit
import Testing

/// The embedded model end to end: `systemcard eval xstest --model local/smollm2` with no server at all.
/// `.ci/run` pulls the model first (`systemcard model pull smollm2`), so CI runs this.
@Suite(.enabled(if: LocalModelFixture.available, "needs the SmolLM2 file (`systemcard model pull smollm2`) and ../shared/datasets; skipped when absent"))
struct LocalModelTests {
    @Test func xstestRunsOfflineOnTheEmbeddedModel() async throws {
        let harness = try CLIHarness()
        defer { harness.cleanUp() }
        let arguments = [
            "eval", "xstest", "--model", "local/smollm2", "--limit", "3", "--max-tokens", "48", "--grader", "rules",
            "--data-dir", CLIHarness.sharedDatasets?.path ?? "", "--db", harness.databasePath, "--output", "json",
            "--quiet",
        ]
        let environment = ["SYSTEMCARD_MODELS_DIR": LocalModelFixture.modelFile.deletingLastPathComponent().path]
        let result = try await harness.run(arguments, environment: environment)
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        let json = try result.json()
        let counts = try #require(json["counts"] as? [String: Int])
        #expect(counts["scored"] == 3)
        let usage = try #require(json["usage"] as? [String: Int])
        #expect((usage["completionTokens"] ?? 0) > 0)
        #expect((usage["completionTokens"] ?? 0) <= 3 * 48)

        // Greedy decoding is deterministic, and the second run is served from the store.
        let store = try SQLiteResultStore(path: harness.databasePath)
        let firstAnswers = try await store.results(runID: try #require(json["run_id"] as? String)).map(\.completion)
        #expect(firstAnswers.allSatisfy { !($0 ?? "").isEmpty })
        let again = try await harness.run(arguments, environment: environment)
        #expect(again.exitCode == 0)
        #expect(try again.json()["run_id"] as? String == json["run_id"] as? String)
    }

    /// In a card of local models only, the evaluations with a second role run with the evaluated model in that role,
    /// and the card says so, instead of "not run: needs a model for the role".
    @Test func aLocalCardPlaysTheOtherRolesWithTheEvaluatedModel() async throws {
        let harness = try CLIHarness()
        defer { harness.cleanUp() }
        let config = harness.directory.appendingPathComponent("card.yaml")
        try Data("""
            evaluations:
              - name: makemepay
                options: {set: "5", conversations: "1"}
                limit: 1
              - name: makemesay
                options: {turns: "2"}
                limit: 1
            """.utf8).write(to: config)
        let out = harness.directory.appendingPathComponent("card")
        let result = try await harness.run(
            ["card", "--models", "local/smollm2", "--config", config.path, "--max-tokens", "24", "--data-dir",
             CLIHarness.sharedDatasets?.path ?? "", "--db", harness.databasePath, "--out", out.path, "--quiet"],
            environment: ["SYSTEMCARD_MODELS_DIR": LocalModelFixture.modelFile.deletingLastPathComponent().path])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        let card = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("card.json"))) as? [String: Any]
        let evaluations = try #require(card?["evaluations"] as? [[String: Any]])
        for (name, role) in [("makemepay", "mark"), ("makemesay", "manipulatee")] {
            let results = try #require(evaluations.first { $0["name"] as? String == name }?["results"] as? [[String: Any]])
            #expect(results.first?["not_run"] == nil, "\(name): \(results.first?["not_run"] ?? "")")
            #expect(results.first?["stand_ins"] as? [String] == [role])
        }
        let markdown = try String(contentsOf: out.appendingPathComponent("card.md"), encoding: .utf8)
        #expect(markdown.contains("the mark was played by local/smollm2 itself"))
    }

    @Test func missingModelSaysHowToPullIt() async throws {
        let harness = try CLIHarness()
        defer { harness.cleanUp() }
        let result = try await harness.run(
            ["eval", "xstest", "--model", "local/smollm2", "--data-dir", CLIHarness.sharedDatasets?.path ?? "",
             "--db", harness.databasePath],
            environment: ["SYSTEMCARD_MODELS_DIR": harness.directory.path])
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("systemcard model pull smollm2"))
    }
}

enum LocalModelFixture {
    static var modelFile: URL {
        LocalModelCatalog.directory().appendingPathComponent("SmolLM2-135M-Instruct.Q4_1.gguf")
    }

    static var available: Bool {
        CLIHarness.hasSharedDatasets && FileManager.default.fileExists(atPath: modelFile.path)
    }
}
