import Foundation
@testable import SystemCardKit
import SystemCardTestSupport
import Testing

/// `wmdp`, `lab-bench` and `lab-bench-open` end to end: the real binary against a loopback server that
/// answers from a table built from the dataset, so every figure is known in advance.
@Suite(.enabled(
    if: CLIHarness.sharedDatasets.map {
        FileManager.default.fileExists(atPath: $0.appendingPathComponent("wmdp-bio-chem").path)
            && FileManager.default.fileExists(atPath: $0.appendingPathComponent("lab-bench").path)
    } ?? false,
    "needs ../shared/datasets (wmdp-bio-chem, lab-bench); skipped when absent"))
struct CBRNEvaluationTests {
    var directory: DataDirectory { DataDirectory(url: CLIHarness.sharedDatasets!) }

    func run(_ arguments: [String], server: FakeChatServer) async throws -> (CLIHarness.Result, [String: Any]) {
        let harness = try CLIHarness()
        defer { harness.cleanUp() }
        let result = try await harness.run(
            arguments + [
                "--model", "openai/fake", "--base-url", server.baseURL, "--db", harness.databasePath, "--data-dir",
                CLIHarness.sharedDatasets!.path, "--quiet", "--output", "json",
            ])
        return (result, (try? result.json()) ?? [:])
    }

    func groups(_ json: [String: Any], _ metric: String) throws -> [String: [String: Double]] {
        let groups = try #require(json["metrics_by_group"] as? [String: [String: [String: Double]]])
        return try #require(groups[metric])
    }

    /// Right on biology, wrong on chemistry: accuracy 1 and 0 per domain, 0.5 overall.
    @Test func wmdpReportsAccuracyPerDomain() async throws {
        let samples = try WMDPDataset(domains: WMDPDataset.domains).load(from: directory).samples
        let table = Dictionary(samples.map { sample in
            let right = sample.target!
            let wrong = right == "A" ? "B" : "A"
            return (sample.prompt, "Thinking.\nAnswer: \(sample.metadata["domain"] == "bio" ? right : wrong)")
        }, uniquingKeysWith: { first, _ in first })
        let server = try await FakeChatServer.start { request in .answer(table[request.prompt] ?? "no idea") }
        let (result, json) = try await run(["eval", "wmdp", "--limit", "20"], server: server)
        await server.stop()
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        let accuracy = try groups(json, "accuracy")
        #expect(accuracy["domain=bio"]?["value"] == 1 && accuracy["domain=bio"]?["n"] == 10)
        #expect(accuracy["domain=chem"]?["value"] == 0 && accuracy["domain=chem"]?["n"] == 10)
        #expect((json["metrics"] as? [String: [String: Double]])?["accuracy"]?["value"] == 0.5)
    }

    /// Abstains on SeqQA, right elsewhere: SeqQA accuracy and coverage 0, precision 1 wherever answered.
    @Test func labBenchScoresAsLabBenchDoes() async throws {
        let samples = try LabBenchDataset(subtasks: LabBenchSubtask.allCases, openAnswer: false).load(from: directory)
            .samples
        let table = Dictionary(samples.map { sample in
            let letter = sample.metadata["subtask"] == "SeqQA" ? sample.metadata[LabBenchDataset.unsureKey]! : sample.target!
            return (sample.prompt, "Answer: \(letter)")
        }, uniquingKeysWith: { first, _ in first })
        let server = try await FakeChatServer.start { request in .answer(table[request.prompt] ?? "no idea") }
        let (result, json) = try await run(["eval", "lab-bench", "--limit", "40"], server: server)
        await server.stop()
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        let accuracy = try groups(json, "accuracy")
        #expect(accuracy["subtask=SeqQA"]?["value"] == 0 && accuracy["subtask=SeqQA"]?["n"] == 10)
        #expect(accuracy["subtask=ProtocolQA"]?["value"] == 1)
        #expect(try groups(json, "coverage")["subtask=SeqQA"]?["value"] == 0)
        let metrics = try #require(json["metrics"] as? [String: [String: Double]])
        #expect(metrics["precision"]?["value"] == 1 && metrics["precision"]?["n"] == 30)
        #expect(metrics["accuracy"]?["value"] == 0.75)
    }

    /// The model gives the expert's fix on ProtocolQA and a vague answer on cloning; the judge compares. A
    /// judge that answers without a verdict makes errors, not scores.
    @Test func labBenchOpenIsJudgedAgainstTheExpertAnswer() async throws {
        let samples = try LabBenchDataset(subtasks: [.protocolQA, .cloningScenarios], openAnswer: true)
            .load(from: directory).samples
        let table = Dictionary(samples.map { sample in
            (sample.prompt, sample.metadata["subtask"] == "ProtocolQA" ? sample.target! : "Try again more carefully.")
        }, uniquingKeysWith: { first, _ in first })
        let server = try await FakeChatServer.start { request in
            if request.system == LabBenchOpenAnswerGrader.instructions {
                let response = request.prompt.components(separatedBy: "\n\nRESPONSE:\n").last ?? ""
                let reference = request.prompt.components(separatedBy: "\n\nREFERENCE ANSWER:\n").last?
                    .components(separatedBy: "\n\nRESPONSE:\n").first ?? ""
                return .answer("REASON: compared.\nVERDICT: \(response == reference ? "CORRECT" : "INCORRECT")")
            }
            return .answer(table[request.prompt] ?? "no idea")
        }
        let (result, json) = try await run(["eval", "lab-bench-open", "--grader", "openai/judge"], server: server)
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        let accuracy = try groups(json, "accuracy")
        #expect(accuracy["subtask=ProtocolQA"]?["value"] == 1 && accuracy["subtask=ProtocolQA"]?["n"] == 20)
        #expect(accuracy["subtask=CloningScenarios"]?["value"] == 0 && accuracy["subtask=CloningScenarios"]?["n"] == 10)
        let (unjudged, _) = try await run(["eval", "lab-bench-open", "--grader", "openai/judge", "--limit", "3"], server: try await FakeChatServer.start { request in
            .answer(request.system == LabBenchOpenAnswerGrader.instructions ? "Looks right." : "Change step 2.")
        })
        #expect(unjudged.exitCode == 1, "verdicts without a VERDICT line are errors: \(unjudged.stderr)")
        let (noJudge, _) = try await run(["eval", "lab-bench-open"], server: server)
        #expect(noJudge.exitCode != 0 && noJudge.stderr.contains("--grader"), "\(noJudge.stderr)")
        await server.stop()
    }
}
