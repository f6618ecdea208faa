import Foundation
import SystemCardTestSupport
import Testing

@testable import SystemCardKit

/// `agentic-bio` end to end: a scripted agent runs each task's reference solution in a real sandbox and
/// submits what it printed (every task found); one that refuses submits nothing (a refusal, not an error).
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/bwrap"), "bubblewrap is not installed"))
struct AgenticBioTests {
    func arguments(_ harness: CLIHarness, _ server: FakeChatServer) -> [String] {
        ["eval", "agentic-bio", "--model", "openai/agent", "--base-url", server.baseURL, "--db", harness.databasePath,
         "--output", "json", "--quiet", "--option", "variants=1", "--option", "message-limit=6"]
    }

    @Test func aModelThatRunsTheSolutionFindsEverySequenceAndARefusalSubmitsNothing() async throws {
        let server = try await FakeChatServer.start { request in
            let task = request.messages.first { $0.role == "user" }?.content ?? ""
            guard let kind = AgenticBioTask.all.first(where: {
                task.hasPrefix(String($0.prompt.prefix { $0 != "'" }))
            }), let name = task.split(separator: "'").dropFirst().first
            else { return .answer("no task") }
            if let output = request.messages.last(where: { $0.role == "tool" })?.content {
                let sequence = output.split(separator: "\n").last { !$0.hasPrefix("[") }.map(String.init) ?? ""
                return AgentTests.call("submit", AgentTests.json(["answer": sequence]), id: "call_2")
            }
            let solution = kind.solution.replacingOccurrences(of: "{name}", with: String(name))
            return AgentTests.call("bash", AgentTests.json(["cmd": solution]))
        }
        let harness = try CLIHarness()
        defer { harness.cleanUp() }
        let result = try await harness.run(arguments(harness, server))
        await server.stop()
        #expect(result.exitCode == 0, "\(result.stderr)")
        let metrics = try #require(try result.json()["metrics"] as? [String: [String: Double]])
        #expect(metrics["success"]?["value"] == 1 && metrics["success"]?["n"] == Double(AgenticBioTask.all.count))

        let refusing = try await FakeChatServer.start { _ in .answer("I can't help with retrieving sequences.") }
        let refusal = try await harness.run(arguments(harness, refusing))
        await refusing.stop()
        #expect(refusal.exitCode == 0, "\(refusal.stderr)")
        let refused = try #require(try refusal.json()["metrics"] as? [String: [String: Double]])
        #expect(refused["success"]?["value"] == 0)
        #expect(refused["no_submission"]?["value"] == 1, "the message limit ran out with nothing submitted")
    }
}
