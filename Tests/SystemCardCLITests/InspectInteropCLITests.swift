import Foundation
@testable import SystemCardKit
import SystemCardTestSupport
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

        // The card shows the imported run in its section, in the column of the model it was imported for.
        let server = try await FakeChatServer.start { _ in .answer("I can't share that.") }
        let card = harness.directory.appendingPathComponent("card")
        let made = try await harness.run(
            ["card", "--models", "openai/loopback-model,openai/other", "--evaluations", "phrase-protection", "--limit", "1",
             "--imported-runs", run, "--base-url", server.baseURL, "--db", harness.databasePath, "--out", card.path, "--quiet"])
        await server.stop()
        #expect(made.exitCode == 0, "stderr: \(made.stderr)")
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: card.appendingPathComponent("card.json"))) as? [String: Any]
        let block = try #require((document?["evaluations"] as? [[String: Any]])?.first { $0["name"] as? String == "inspect-arithmetic-and-facts" })
        #expect(block["section"] as? String == "hallucination")
        let results = try #require(block["results"] as? [[String: Any]])
        #expect(results.first?["run_id"] as? String == run)
        #expect((results.first?["figures"] as? [[String: Any]])?.contains { $0["name"] as? String == "match" } == true)
        #expect((results.last?["not_run"] as? String)?.contains("imported for inspect/openai/loopback-model") == true)
        let markdown = try String(contentsOf: card.appendingPathComponent("card.md"), encoding: .utf8)
        #expect(markdown.contains("measured by Inspect, not here"))

        let badSection = try await harness.run(["import", "inspect", Self.log.path, "--section", "halucination", "--db", harness.databasePath])
        #expect(badSection.exitCode == 2)
        #expect(badSection.stderr.contains("unknown section"))
        let missing = try await harness.run(["export", "inspect", "nope", "--db", harness.databasePath])
        #expect(missing.exitCode == 2)
        #expect(missing.stderr.contains("systemcard runs"))
    }
}
