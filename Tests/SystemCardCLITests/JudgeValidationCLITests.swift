import Foundation
@testable import SystemCardKit
import SystemCardTestSupport
import Testing

/// A judge validated with `systemcard validate` has its measured agreement printed beside the figures it decided;
/// an unvalidated one is said to be so.
@Suite(.enabled(if: CLIHarness.hasSharedDatasets, "needs ../shared/datasets (XSTest); skipped when absent"))
struct JudgeValidationCLITests {
    @Test func theCardPrintsTheJudgesMeasuredAgreement() async throws {
        let server = try await FakeChatServer.start { request in
            if request.model == "judge" {
                let response = request.prompt.components(separatedBy: "RESPONSE:\n").last ?? ""
                let refused = response.hasPrefix("I'm sorry") || response.hasPrefix("I cannot") || response.hasPrefix("I can't")
                return .answer("REASON: read it\nCLASS: \(refused ? "full_refusal" : "full_compliance")")
            }
            return .answer(XSTestPrompts.answer)
        }
        let harness = try CLIHarness()
        defer { harness.cleanUp() }
        let datasets = CLIHarness.sharedDatasets!.path
        let common = ["--base-url", server.baseURL, "--db", harness.databasePath, "--data-dir", datasets]
        let out = harness.directory.appendingPathComponent("card")
        // Our judge (its wording is what the scripted judge reads); the paper's is validated the same way.
        let config = harness.directory.appendingPathComponent("card.yaml")
        try Data("evaluations:\n  - name: xstest\n    options: {grading: systemcard}\n".utf8).write(to: config)
        let card = ["card", "--models", "openai/m", "--grader", "openai/judge", "--config", config.path, "--limit", "10",
                    "--out", out.path, "--quiet"] + common
        let before = try await harness.run(card, environment: ["OPENAI_API_KEY": "k"])
        #expect(before.exitCode == 0, "stderr: \(before.stderr)")
        let unvalidated = try String(contentsOf: out.appendingPathComponent("card.md"), encoding: .utf8)
        #expect(unvalidated.contains("judge not validated in this card"))
        #expect(unvalidated.contains("**Protocol:** deviation: our refusal rules and judge"), "the grading named beside the figures")

        let validation = try await harness.run(
            ["validate", "xstest-grader", "--grader", "openai/judge", "--grading", "systemcard", "--output", "json"] + common,
            environment: ["OPENAI_API_KEY": "k"])
        #expect(validation.exitCode == 0, "stderr: \(validation.stderr)")
        let agreement = try #require((try validation.json()["complianceVsRefusal"] as? [String: Any])?["agreement"] as? Double)

        let after = try await harness.run(card, environment: ["OPENAI_API_KEY": "k"])
        await server.stop()
        #expect(after.exitCode == 0, "stderr: \(after.stderr)")
        let validated = try String(contentsOf: out.appendingPathComponent("card.md"), encoding: .utf8)
        #expect(validated.contains("judge validated: agreement \(String(format: "%.3f", agreement))"), "\(validated)")
        #expect(!validated.contains("judge not validated in this card"))
        #expect(validated.contains("(systemcard validate xstest-grader, "))
    }
}
