import Foundation
@testable import SystemCardKit
import SystemCardTestSupport
import Testing

/// An evaluation defined in a YAML file, end to end through the CLI against a loopback model: `eval FILE`, its
/// model rubric grader with a judge, and a card that names the file beside a built-in evaluation.
@Suite struct FileEvaluationCLITests {
    static let csv = """
        id,country,capital,continent
        fr,France,Paris,Europe
        de,Germany,Berlin,Europe
        jp,Japan,Tokyo,Asia
        bt,Bhutan,Thimphu,Asia
        np,Nepal,Kathmandu,Asia
        """

    static let yaml = """
        name: capital-cities
        summary: Capitals of countries
        section: hallucination
        dataset: {file: capitals.csv, id: id}
        prompt:
          system: Answer with the city only.
          user: What is the capital of {{country}}?
        target: "{{capital}}"
        grader: {type: exact, ignore_case: true}
        metrics:
          - name: accuracy
            group_by: [continent]
        published:
          - {metric: accuracy, model: o3-mini, value: 0.9, source: a report of ours}
        """

    /// Knows the European capitals only; says "I don't know" for the rest.
    static func model() async throws -> FakeChatServer {
        let known = ["France": "paris", "Germany": "Berlin"]
        return try await FakeChatServer.start { request in
            if let system = request.system, system.contains("GRADE: PASS") {
                return .answer(request.prompt.contains("Berlin") ? "Fine.\nGRADE: PASS" : "GRADE: FAIL")
            }
            let country = request.prompt.replacingOccurrences(of: "What is the capital of ", with: "").replacingOccurrences(of: "?", with: "")
            return .answer(known[country] ?? "I don't know.")
        }
    }

    @Test func anEvaluationFileRunsResumesAndEditsStartANewRun() async throws {
        let server = try await Self.model()
        let harness = try CLIHarness()
        defer { harness.cleanUp() }
        let folder = harness.directory.appendingPathComponent("mine")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(Self.csv.utf8).write(to: folder.appendingPathComponent("capitals.csv"))
        let file = folder.appendingPathComponent("capitals.yaml")
        try Data(Self.yaml.utf8).write(to: file)
        let arguments = ["eval", file.path, "--model", "openai/m", "--base-url", server.baseURL, "--db", harness.databasePath,
                         "--output", "json", "--quiet"]
        let first = try await harness.run(arguments)
        #expect(first.exitCode == 0, "stderr: \(first.stderr)")
        let json = try first.json()
        #expect(json["evaluation"] as? String == "capital-cities")
        let metrics = try #require(json["metrics"] as? [String: [String: Double]])
        #expect(metrics["accuracy"]?["value"] == 2.0 / 5)
        let groups = try #require(json["metrics_by_group"] as? [String: [String: Any]])
        #expect((groups["accuracy"]?["continent=Europe"] as? [String: Double])?["value"] == 1)
        #expect((groups["accuracy"]?["continent=Asia"] as? [String: Double])?["value"] == 0)
        let requests = server.totalRequests

        let again = try await harness.run(arguments)
        #expect(try again.json()["run_id"] as? String == json["run_id"] as? String)
        #expect(server.totalRequests == requests, "a resumed run asks nothing again")

        // An edited file (here the grader) is a new run; the model's answers come from the call cache.
        try Data(Self.yaml.replacingOccurrences(of: "ignore_case: true", with: "ignore_case: false").utf8).write(to: file)
        let edited = try await harness.run(arguments)
        #expect(edited.exitCode == 0)
        #expect(try edited.json()["run_id"] as? String != json["run_id"] as? String)
        #expect(((try edited.json()["metrics"] as? [String: [String: Double]])?["accuracy"])?["value"] == 1.0 / 5)

        // A typo is reported with file, line, column and the nearest key, before any model call.
        try Data(Self.yaml.replacingOccurrences(of: "target:", with: "taget:").utf8).write(to: file)
        let typo = try await harness.run(arguments)
        #expect(typo.exitCode == 2)
        #expect(typo.stderr.contains("capitals.yaml:8:1: unknown key 'taget' (did you mean 'target'?)"), "\(typo.stderr)")
        await server.stop()
    }

    @Test func aRubricGradedFileNeedsAJudgeAndACardRunsItBesideABuiltInEvaluation() async throws {
        let server = try await Self.model()
        let harness = try CLIHarness()
        defer { harness.cleanUp() }
        let folder = harness.directory.appendingPathComponent("suite")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(Self.csv.utf8).write(to: folder.appendingPathComponent("capitals.csv"))
        let rubric = Self.yaml.replacingOccurrences(
            of: "grader: {type: exact, ignore_case: true}",
            with: "grader:\n  type: model\n  rubric: The answer names {{capital}}, the capital of {{country}}.")
        try Data(rubric.utf8).write(to: folder.appendingPathComponent("capitals.yaml"))
        try Data("evaluations:\n  - ./capitals.yaml\n  - phrase-protection\n".utf8).write(to: folder.appendingPathComponent("card.yaml"))

        let unjudged = try await harness.run(
            ["eval", folder.appendingPathComponent("capitals.yaml").path, "--model", "openai/m", "--base-url", server.baseURL,
             "--db", harness.databasePath, "--quiet"])
        #expect(unjudged.exitCode == 2)
        #expect(unjudged.stderr.contains("--grader"), "\(unjudged.stderr)")

        let out = harness.directory.appendingPathComponent("card")
        let card = try await harness.run(
            ["card", "--models", "openai/m", "--grader", "openai/judge", "--config", folder.appendingPathComponent("card.yaml").path,
             "--limit", "5", "--base-url", server.baseURL, "--db", harness.databasePath, "--out", out.path, "--quiet"])
        await server.stop()
        #expect(card.exitCode == 0, "stderr: \(card.stderr)")
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("card.json"))) as? [String: Any]
        let evaluations = try #require(document?["evaluations"] as? [[String: Any]])
        let mine = try #require(evaluations.first { $0["name"] as? String == "capital-cities" })
        #expect(mine["section"] as? String == "hallucination")
        let figures = try #require((mine["results"] as? [[String: Any]])?.first?["figures"] as? [[String: Any]])
        let accuracy = try #require(figures.first { $0["name"] as? String == "accuracy" && $0["group"] == nil })
        #expect(accuracy["value"] as? Double == 1.0 / 5, "only Berlin passes the judge")
        let markdown = try String(contentsOf: out.appendingPathComponent("card.md"), encoding: .utf8)
        #expect(markdown.contains("capital-cities"))
        #expect(markdown.contains("o3-mini"), "the file's published figure beside ours")
    }
}
