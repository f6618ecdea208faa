import Foundation
import SystemCardTestSupport
import Testing

@testable import SystemCardKit

/// An evaluation added outside the package (Examples/CustomEvaluation: one folder plus one registry line)
/// runs through `eval` and `card` like a built-in one, against a loopback model that answers the even sums
/// right and the odd ones wrong.
@Suite struct CustomEvaluationTests {
    /// Answers "What is A + B?" with the sum when it is even, and with the sum plus one otherwise.
    static func server() async throws -> FakeChatServer {
        try await FakeChatServer.start { request in
            let numbers = request.prompt.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
            guard numbers.count == 2 else { return .answer("I do not know.") }
            let sum = numbers[0] + numbers[1]
            return .answer("The answer is \(sum.isMultiple(of: 2) ? sum : sum + 1).")
        }
    }

    @Test func theAddedEvaluationRunsThroughEval() async throws {
        let server = try await Self.server()
        let harness = try CLIHarness()
        defer { harness.cleanUp() }
        let result = try await harness.run(
            [
                "eval", "arithmetic", "--model", "openai/m", "--base-url", server.baseURL, "--db", harness.databasePath,
                "--option", "count=8", "--output", "json", "--quiet",
            ], executable: CLIHarness.exampleBinary)
        await server.stop()
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        let json = try result.json()
        let metrics = try #require(json["metrics"] as? [String: [String: Double]])
        let groups = try #require(json["metrics_by_group"] as? [String: [String: [String: Double]]])
        // Sums 9i + 4 for i = 0..<8: even for even i.
        #expect(metrics["accuracy"]?["value"] == 0.5)
        #expect(metrics["accuracy"]?["n"] == 8)
        #expect(groups["accuracy"]?["parity=even"]?["value"] == 1)
        #expect(groups["accuracy"]?["parity=odd"]?["value"] == 0)
        #expect(server.totalRequests == 8)

        // Its declared options are checked like a built-in's, and the CLI says which flag fixes a grader problem.
        let badOption = try await harness.run(
            ["eval", "arithmetic", "--model", "openai/m", "--option", "count=0", "--db", harness.databasePath],
            executable: CLIHarness.exampleBinary)
        #expect(badOption.exitCode == 2)
        #expect(badOption.stderr.contains("arithmetic: --option count must be a whole number from 1 to 10000"))
        let badGrader = try await harness.run(
            ["eval", "arithmetic", "--model", "openai/m", "--grader", "openai/j", "--db", harness.databasePath],
            executable: CLIHarness.exampleBinary)
        #expect(badGrader.exitCode == 2)
        #expect(badGrader.stderr.contains("arithmetic is graded by code only; drop --grader or pass --grader rules"))
    }

    @Test func theAddedEvaluationAppearsInTheCardUnderItsSection() async throws {
        let server = try await Self.server()
        let harness = try CLIHarness()
        defer { harness.cleanUp() }
        let out = harness.directory.appendingPathComponent("card")
        let result = try await harness.run(
            [
                "card", "--models", "openai/m", "--base-url", server.baseURL, "--db", harness.databasePath,
                "--evaluations", "arithmetic,tutor-jailbreak", "--out", out.path, "--quiet",
            ], executable: CLIHarness.exampleBinary)
        await server.stop()
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        let data = try Data(contentsOf: out.appendingPathComponent("card.json"))
        let card = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let evaluations = try #require(card["evaluations"] as? [[String: Any]])
        let arithmetic = try #require(evaluations.first { $0["name"] as? String == "arithmetic" })
        #expect(arithmetic["section"] as? String == "hallucination")
        let run = try #require((arithmetic["results"] as? [[String: Any]])?.first)
        let figures = try #require(run["figures"] as? [[String: Any]])
        let accuracy = try #require(figures.first { $0["name"] as? String == "accuracy" && $0["group"] == nil })
        #expect(accuracy["value"] as? Double == 0.5)
        #expect(accuracy["n"] as? Int == 20)
        // Every registered evaluation appears, the added one among them, in section order.
        let names = evaluations.compactMap { $0["name"] as? String }
        #expect(names.count == EvaluationRegistry.builtIn.names.count + 1)
        #expect(names.firstIndex(of: "arithmetic")! > names.firstIndex(of: "strongreject")!)
        #expect(names.firstIndex(of: "arithmetic")! < names.firstIndex(of: "bbq")!)
        let markdown = try String(contentsOf: out.appendingPathComponent("card.md"), encoding: .utf8)
        #expect(markdown.contains("arithmetic"))

        // The built-in tool does not know it.
        let builtIn = try await harness.run(["list"])
        #expect(builtIn.exitCode == 0)
        #expect(!builtIn.stdout.contains("arithmetic"))
        let example = try await harness.run(["list"], executable: CLIHarness.exampleBinary)
        #expect(example.stdout.contains("arithmetic"))
    }
}
