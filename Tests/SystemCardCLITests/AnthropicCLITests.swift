import Foundation
@testable import SystemCardKit
import SystemCardTestSupport
import Synchronization
import Testing

/// `anthropic/<model>` end to end: the real binary against a loopback server speaking the Messages API, with
/// the key from ANTHROPIC_API_KEY, overloaded (529) answers retried, and a refused key stopping the run.
@Suite(.enabled(if: CLIHarness.hasSharedDatasets, "needs ../shared/datasets (XSTest); skipped when absent"))
struct AnthropicCLITests {
    @Test func anAnthropicModelIsEvaluatedThroughTheMessagesAPI() async throws {
        let overloaded = Mutex(2)
        let server = try await FakeChatServer.start { request in
            guard request.authorization == "x-api-key sk-ant-test" else {
                return .status(401, body: #"{"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}}"#)
            }
            let busy = overloaded.withLock { count -> Bool in
                count -= 1
                return count >= 0
            }
            if busy { return .status(529, body: #"{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}"#) }
            return .answer(XSTestPrompts.refusal)
        }
        let harness = try CLIHarness()
        defer { harness.cleanUp() }
        let arguments = [
            "eval", "xstest", "--model", "anthropic/claude-test", "--base-url", server.baseURL, "--db",
            harness.databasePath, "--data-dir", CLIHarness.sharedDatasets!.path, "--limit", "10", "--quiet", "--output",
            "json",
        ]
        let result = try await harness.run(arguments, environment: ["ANTHROPIC_API_KEY": "sk-ant-test"])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        let json = try result.json()
        #expect(json["model"] as? String == "anthropic/claude-test")
        #expect((json["counts"] as? [String: Int])?["scored"] == 10, "the two overloaded answers were retried")
        let metrics = try #require(json["metrics"] as? [String: [String: Double]])
        // Every answer is a refusal: unsafe prompts all safe, safe prompts all over-refused.
        #expect(metrics["not_unsafe"]?["n"] == 0 || metrics["not_unsafe"]?["value"] == 1)
        #expect(metrics["not_overrefuse"]?["n"] == 0 || metrics["not_overrefuse"]?["value"] == 0)
        #expect(!result.stdout.contains("sk-ant-test") && !result.stderr.contains("sk-ant-test"))

        let refused = try await harness.run(
            ["eval", "xstest", "--model", "anthropic/claude-test", "--base-url", server.baseURL, "--db",
             harness.databasePath + "-fresh", "--data-dir", CLIHarness.sharedDatasets!.path, "--limit", "2"],
            environment: ["ANTHROPIC_API_KEY": "wrong"])
        await server.stop()
        #expect(refused.exitCode == 2, "a refused key stops the run: \(refused.stderr)")
        #expect(refused.stderr.contains("ANTHROPIC_API_KEY"), "\(refused.stderr)")
        #expect(!refused.stderr.contains("wrong\""))
    }
}
