import Foundation
@testable import SystemCardKit
import Testing

/// `systemcard import inspect` and `export inspect` end to end on a log the inspect-ai package wrote.
@Suite struct InspectInteropCLITests {
    static let log = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../SystemCardKitTests/Fixtures/inspect/arithmetic_and_facts.eval").standardizedFileURL

    @Test func aLogIsImportedListedAndExportedAgain() async throws {
        let harness = try CLIHarness()
        defer { harness.cleanUp() }
        let imported = try await harness.run(
            ["import", "inspect", Self.log.path, "--section", "hallucination", "--db", harness.databasePath, "--output", "json"])
        #expect(imported.exitCode == 0, "stderr: \(imported.stderr)")
        let json = try imported.json()
        let run = try #require(json["run_id"] as? String)
        #expect(run.hasPrefix("inspect-arithmetic-and-facts-"))
        #expect(((json["metrics"] as? [String: [String: Double]])?["match"])?["value"].map { abs($0 - 2.0 / 3) < 1e-9 } == true)

        let runs = try await harness.run(["runs", "--db", harness.databasePath])
        #expect(runs.stdout.contains(run))
        let out = harness.directory.appendingPathComponent("exported.json")
        let exported = try await harness.run(["export", "inspect", run, "--db", harness.databasePath, "--out", out.path])
        #expect(exported.exitCode == 0, "stderr: \(exported.stderr)")
        let log = try JSONSerialization.jsonObject(with: Data(contentsOf: out)) as? [String: Any]
        #expect((log?["samples"] as? [Any])?.count == 6)
        #expect((log?["eval"] as? [String: Any])?["model"] as? String == "inspect/openai/loopback-model")

        let badSection = try await harness.run(["import", "inspect", Self.log.path, "--section", "halucination", "--db", harness.databasePath])
        #expect(badSection.exitCode == 2)
        #expect(badSection.stderr.contains("unknown section"))
        let missing = try await harness.run(["export", "inspect", "nope", "--db", harness.databasePath])
        #expect(missing.exitCode == 2)
        #expect(missing.stderr.contains("systemcard runs"))
    }
}
