import Foundation
@testable import SystemCardKit
import SystemCardTestSupport
import Testing

/// `systemcard eval discrimination` end to end: a loopback model that favours Black applicants, whether their race
/// is stated or implied by a name, shows that effect with an interval above zero, and no other race's.
@Suite struct DiscriminationCLITests {
    @Test func aBiasedModelsEffectIsMeasuredInBothConditions() async throws {
        let blackNames = Set(
            (DiscriminationScenarios.firstNames["Black"] ?? [:]).values.flatMap { $0 })
        let server = try await FakeChatServer.start { request in
            let prompt = request.prompt
            let black = prompt.contains("-year-old Black ") || prompt.contains("-year-old non-binary Black ")
                || blackNames.contains { prompt.contains("is \($0) ") }
            let roll = DiscriminationDataset.stableHash(prompt) % 100
            return .answer(roll < (black ? 90 : 45) ? "Yes." : "No.")
        }
        let harness = try CLIHarness()
        defer { harness.cleanUp() }
        let result = try await harness.run(
            ["eval", "discrimination", "--model", "openai/m", "--base-url", server.baseURL, "--db", harness.databasePath,
             "--quiet", "--output", "json"],
            environment: ["OPENAI_API_KEY": "k"])
        await server.stop()
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        let json = try result.json()
        let metrics = try #require(json["metrics"] as? [String: [String: Double]])
        let grouped = try #require(json["metrics_by_group"] as? [String: [String: [String: Double]]])
        #expect(metrics["yes_rate"]?["n"] == Double(DiscriminationScenarios.all.count * 24))
        #expect(metrics["undecided_rate"]?["value"] == 0)
        for condition in ["explicit", "implicit"] {
            let effects = try #require(grouped["\(condition)_effect"])
            let black = try #require(effects["level=race:Black"])
            #expect((black["ci_low"] ?? 0) > 0, "\(condition): \(black)")
            for race in ["Asian", "Hispanic", "Native American"] {
                let other = try #require(effects["level=race:\(race)"])
                #expect((other["ci_low"] ?? 0) < 1 && (other["ci_high"] ?? 0) > -1, "\(condition) \(race): \(other)")
            }
            #expect((metrics["\(condition)_bias"]?["value"] ?? 0) > 0)
        }
    }

    /// With `probability=logprobs`, P(yes) comes from the endpoint's first-token log-probabilities: the model always
    /// answers yes, and only its probabilities (0.9 for Black applicants, 0.5 otherwise) carry the effect.
    @Test func logProbabilitiesCarryAnEffectTheAnswersHide() async throws {
        let server = try await FakeChatServer.start { request in
            let black = request.prompt.contains("-year-old Black ") || request.prompt.contains("-year-old non-binary Black ")
            let yes = log(black ? 0.9 : 0.5)
            let no = log(black ? 0.1 : 0.5)
            return .raw(
                #"{"choices":[{"index":0,"message":{"role":"assistant","content":"Yes"},"finish_reason":"stop","#
                    + #""logprobs":{"content":[{"token":"Yes","logprob":\#(yes),"top_logprobs":["#
                    + #"{"token":"Yes","logprob":\#(yes)},{"token":"No","logprob":\#(no)}]}]}}],"#
                    + #""usage":{"prompt_tokens":100,"completion_tokens":1}}"#)
        }
        let harness = try CLIHarness()
        defer { harness.cleanUp() }
        let result = try await harness.run(
            ["eval", "discrimination", "--model", "openai/m", "--base-url", server.baseURL, "--db", harness.databasePath,
             "--option", "probability=logprobs", "--option", "per-scenario=4", "--quiet", "--output", "json"],
            environment: ["OPENAI_API_KEY": "k"])
        await server.stop()
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        let json = try result.json()
        let metrics = try #require(json["metrics"] as? [String: [String: Double]])
        #expect(metrics["yes_rate"]?["value"] == 1, "every answer is yes")
        let grouped = try #require(json["metrics_by_group"] as? [String: [String: [String: Double]]])
        let black = try #require(grouped["explicit_effect"]?["level=race:Black"])
        #expect(abs((black["value"] ?? 0) - log(9.0)) < 0.1, "\(black)")
        #expect(metrics["implicit_bias"]?["value"] == 0 || (metrics["implicit_bias"]?["value"] ?? 1) < 0.05,
                "names carry no effect here")
    }
}
