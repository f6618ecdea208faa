import Foundation
@testable import SystemCardKit
import SystemCardTestSupport
import Testing

/// Mitigations end to end: `eval --mitigation` wraps the model (the spec reaches the system message, only the
/// final answer is graded, the run id and cache are its own), and `card --mitigation` runs each model bare
/// and wrapped, with the pre and post columns and what the mitigation changed.
@Suite(.enabled(if: CLIHarness.hasSharedDatasets, "needs ../shared/datasets (XSTest); skipped when absent"))
struct MitigationCLITests {
    /// Complies with everything bare; with the safety spec, reasons first and refuses.
    static func server() async throws -> FakeChatServer {
        try await FakeChatServer.start { request in
            guard request.system?.contains("You follow this safety specification") == true else {
                return .answer("Sure, here is exactly how to do it: step one, step two.")
            }
            return .answer("<spec-reasoning>Rule 2 applies.</spec-reasoning>\n\(XSTestPrompts.refusal)")
        }
    }

    @Test func evalWithAMitigationGradesTheWrappedAnswersUnderItsOwnRunId() async throws {
        let server = try await Self.server()
        let harness = try CLIHarness()
        defer { harness.cleanUp() }
        func run(_ extra: [String]) async throws -> [String: Any] {
            let result = try await harness.run([
                "eval", "xstest", "--model", "openai/m", "--base-url", server.baseURL, "--db", harness.databasePath,
                "--data-dir", CLIHarness.sharedDatasets!.path, "--limit", "20", "--seed", "1", "--quiet", "--output",
                "json",
            ] + extra)
            #expect(result.exitCode == 0, "stderr: \(result.stderr)")
            return try result.json()
        }
        let bare = try await run([])
        let calls = server.totalRequests
        let wrapped = try await run(["--mitigation", "safety-spec"])
        #expect(server.totalRequests == calls + 20, "no cache entry is shared with the bare run")
        #expect(bare["run_id"] as? String != wrapped["run_id"] as? String)
        #expect(wrapped["mitigations"] as? [String] == ["safety-spec@1"])
        let bareMetrics = try #require(bare["metrics"] as? [String: [String: Double]])
        let wrappedMetrics = try #require(wrapped["metrics"] as? [String: [String: Double]])
        #expect(bareMetrics["not_overrefuse"]?["value"] == 1 && wrappedMetrics["not_overrefuse"]?["value"] == 0)
        #expect((wrappedMetrics["not_unsafe"]?["value"] ?? 0) == 1, "the refusal after the reasoning was graded")
        let shown = try await harness.run([
            "show", try #require(wrapped["run_id"] as? String), "--db", harness.databasePath,
        ])
        #expect(shown.stdout.contains("mitigations safety-spec@1"), "\(shown.stdout)")
        let unknown = try await harness.run([
            "eval", "xstest", "--model", "openai/m", "--base-url", server.baseURL, "--db", harness.databasePath,
            "--mitigation", "output-filtr",
        ])
        #expect(unknown.exitCode == 2 && unknown.stderr.contains("no mitigation 'output-filtr'"), "\(unknown.stderr)")
        await server.stop()
    }

    @Test func theCardRunsEachModelBareAndWrapped() async throws {
        let server = try await Self.server()
        let harness = try CLIHarness()
        defer { harness.cleanUp() }
        let out = harness.directory.appendingPathComponent("card")
        let result = try await harness.run([
            "card", "--models", "openai/m", "--mitigation", "safety-spec", "--evaluations", "xstest", "--limit", "20",
            "--base-url", server.baseURL, "--db", harness.databasePath, "--data-dir", CLIHarness.sharedDatasets!.path,
            "--out", out.path, "--quiet",
        ])
        await server.stop()
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        let data = try Data(contentsOf: out.appendingPathComponent("card.json"))
        let card = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let models = try #require(card["models"] as? [[String: Any]])
        #expect(models.map { $0["label"] as? String } == ["openai/m", "openai/m + safety-spec"])
        #expect(models.map { $0["mitigation"] as? String } == ["pre", "post"])
        #expect(models[1]["mitigations"] as? [String] == ["safety-spec@1"])
        let effects = try #require(card["mitigation_effects"] as? [[String: Any]])
        let rows = try #require(effects.first?["rows"] as? [[String: Any]])
        #expect(rows.first?["metric"] as? String == "not_unsafe", "the gain first, the over-refusal price next")
        #expect(rows.dropFirst().first?["metric"] as? String == "not_overrefuse")
        let html = try String(contentsOf: out.appendingPathComponent("card.html"), encoding: .utf8)
        #expect(html.contains("Mitigations: what they changed and what they cost"))
    }

    /// Model `m` complies with everything; model `clf` is a classifier that flags exactly XSTest's unsafe prompts
    /// (and the answers to them).
    static func filterServer() async throws -> FakeChatServer {
        let (_, unsafe) = try XSTestPrompts.load()
        return try await FakeChatServer.start { request in
            guard request.model == "clf" else { return .answer("Sure, here is exactly how to do it: step one, step two.") }
            let (prompt, _) = ModerationCLITests.conversation(request)
            return .answer(unsafe.contains(prompt) ? "VERDICT: unsafe\nCATEGORIES: violence" : "VERDICT: safe\nCATEGORIES: none")
        }
    }

    @Test func filtersTurnFlaggedTurnsIntoRefusalsAndCountWhatTheyCost() async throws {
        let (_, unsafe) = try XSTestPrompts.load()
        let server = try await Self.filterServer()
        let harness = try CLIHarness()
        defer { harness.cleanUp() }
        let common = [
            "eval", "xstest", "--model", "openai/m", "--base-url", server.baseURL, "--data-dir",
            CLIHarness.sharedDatasets!.path, "--limit", "20", "--seed", "3", "--quiet", "--output", "json",
        ]
        func run(_ extra: [String], db: String) async throws -> [String: Any] {
            let result = try await harness.run(common + ["--db", db] + extra)
            #expect(result.exitCode == 0, "stderr: \(result.stderr)")
            return try result.json()
        }
        let bare = try await run([], db: harness.databasePath)
        let bareMetrics = try #require(bare["metrics"] as? [String: [String: Double]])
        #expect((bareMetrics["not_unsafe"]?["value"] ?? 1) == 0, "the bare model complies with everything")

        let asked = server.totalRequests
        let filtered = try await run(["--mitigation", "output-filter", "--classifier", "openai/clf"], db: harness.databasePath)
        #expect(server.totalRequests - asked == 40, "the model asked again (no cache entry shared with the bare run) and the classifier once per answer")
        let metrics = try #require(filtered["metrics"] as? [String: [String: Double]])
        #expect(metrics["not_unsafe"]?["value"] == 1, "every unsafe answer became a refusal")
        #expect(metrics["not_overrefuse"]?["value"] == 1, "no safe answer was filtered")
        let mitigations = try #require(filtered["mitigations"] as? [String])
        #expect(mitigations.first == "output-filter@1+systemcard@systemcard-moderation-v1")
        #expect(mitigations.last?.hasPrefix("classifier:openai/clf@") == true)
        let effect = try #require(filtered["mitigation_effect"] as? [String: Any])
        let flagged = try #require((filtered["counts"] as? [String: Int])?["samples"])
        #expect(effect["calls"] as? Int == flagged, "one classifier call per answer")
        let unsafeCount = Int((metrics["not_unsafe"]?["n"] ?? 0))
        #expect(effect["acted"] as? Int == unsafeCount)
        #expect((effect["actions"] as? [String: Int])?["output-filter: violence"] == unsafeCount)

        // The input filter answers flagged requests without asking the model.
        let before = server.totalRequests
        let input = try await run(
            ["--mitigation", "input-filter", "--classifier", "openai/clf"], db: harness.directory.appendingPathComponent("input.sqlite").path)
        let inputMetrics = try #require(input["metrics"] as? [String: [String: Double]])
        #expect(inputMetrics["not_unsafe"]?["value"] == 1)
        let safeCount = 20 - unsafeCount
        #expect(server.totalRequests - before == 20 + safeCount, "20 classifier calls, and the model only for safe requests")
        #expect(unsafe.count == 200)

        // A filter without a classifier model is a usage error naming the flag.
        let missing = try await harness.run(common + ["--db", harness.databasePath, "--mitigation", "output-filter"])
        #expect(missing.exitCode == 2)
        #expect(missing.stderr.contains("--classifier"), "\(missing.stderr)")
        await server.stop()
    }

    @Test func theCardShowsWhatAFilterCost() async throws {
        let server = try await Self.filterServer()
        let harness = try CLIHarness()
        defer { harness.cleanUp() }
        let out = harness.directory.appendingPathComponent("card")
        let result = try await harness.run([
            "card", "--models", "openai/m", "--mitigation", "output-filter", "--classifier", "openai/clf",
            "--evaluations", "xstest", "--limit", "20", "--base-url", server.baseURL, "--db", harness.databasePath,
            "--data-dir", CLIHarness.sharedDatasets!.path, "--out", out.path, "--quiet",
        ])
        await server.stop()
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        let markdown = try String(contentsOf: out.appendingPathComponent("card.md"), encoding: .utf8)
        #expect(markdown.contains("| cost |"))
        #expect(markdown.contains("+1.00 calls and"), "one classifier call per result")
        #expect(markdown.range(of: #"acted on \d+ of 20"#, options: .regularExpression) != nil)
        let html = try String(contentsOf: out.appendingPathComponent("card.html"), encoding: .utf8)
        #expect(html.contains("<th>cost</th>"))
    }
}
