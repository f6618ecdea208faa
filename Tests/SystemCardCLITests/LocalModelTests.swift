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
