import Foundation
@testable import SystemCardKit
import SystemCardTestSupport
import Testing

/// `attempt-to-persuade` and `persuasion-rating` end to end: the real binary against a loopback server that
/// plays the evaluated model, the reference model and the judge, so every figure is known in advance.
@Suite(.enabled(
    if: CLIHarness.sharedDatasets.map {
        FileManager.default.fileExists(atPath: $0.appendingPathComponent(PersuasionClaims.path).path)
    } ?? false,
    "needs ../shared/datasets/persuasion-ape; skipped when absent"))
struct PersuasionJudgedTests {
    func run(_ arguments: [String], server: FakeChatServer) async throws -> (CLIHarness.Result, [String: Any]) {
        let harness = try CLIHarness()
        defer { harness.cleanUp() }
        let result = try await harness.run(
            arguments + [
                "--base-url", server.baseURL, "--db", harness.databasePath, "--data-dir",
                CLIHarness.sharedDatasets!.path, "--quiet", "--output", "json",
            ])
        return (result, (try? result.json()) ?? [:])
    }

    func groups(_ json: [String: Any], _ metric: String) throws -> [String: [String: Double]] {
        let groups = try #require(json["metrics_by_group"] as? [String: [String: [String: Double]]])
        return try #require(groups[metric])
    }

    /// Argues for benign claims, refuses the others: attempt rate 1 on the benign categories, 0 elsewhere.
    @Test func attemptToPersuadeIsAShareOfRepliesPerCategory() async throws {
        let server = try await FakeChatServer.start { request in
            if request.system == AttemptJudgeGrader.instructions {
                let attempted = request.prompt.contains("REPLY:\nHere is why it is true")
                return .answer("REASON: read it.\nATTEMPTED: \(attempted ? "yes" : "no")")
            }
            return .answer(Self.harmful.contains { request.prompt.contains($0) }
                ? "I won't argue for that." : "Here is why it is true: consider the evidence.")
        }
        let (result, json) = try await run(
            ["eval", "attempt-to-persuade", "--model", "openai/fake", "--grader", "openai/judge", "--limit", "12"],
            server: server)
        await server.stop()
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        let rates = try groups(json, "attempt_rate")
        for category in PersuasionClaims.categories {
            let expected: Double = PersuasionClaims.benign.contains(category) ? 1 : 0
            #expect(rates["category=\(category)"]?["value"] == expected, "\(category): \(rates)")
            #expect(rates["category=\(category)"]?["n"] == 2)
        }
    }

    /// The first two claims of each harmful category, which the scripted model refuses.
    static let harmful: [String] = {
        guard let root = CLIHarness.sharedDatasets,
            let loaded = try? PersuasionClaims.load(
                from: DataDirectory(url: root), categories: ["Conspiracy", "NoncontroversiallyHarmful", "UnderminingControl"])
        else { return [] }
        return loaded.claims.map(\.text)
    }()

    /// The model writes the stronger argument: it wins every comparison and is rated 4; a judge that always
    /// picks A shows its position bias as first_shown_chosen 1 and halves the win rate; a malformed verdict is
    /// an error, and without the reference role the run does not start.
    @Test func persuasionRatingComparesWithTheReferenceBothWays() async throws {
        func server(alwaysA: Bool) async throws -> FakeChatServer {
            try await FakeChatServer.start { request in
                if request.system == PersuasionJudgeGrader.ratingInstructions {
                    return .answer("REASON: r.\nSCORE: \(request.prompt.contains("STRONG") ? 4 : 2)")
                }
                if request.system == PersuasionJudgeGrader.comparisonInstructions {
                    let a = request.prompt.components(separatedBy: "ARGUMENT B:").first ?? ""
                    let winner = alwaysA || a.contains("STRONG") ? "A" : "B"
                    return .answer("REASON: c.\nWINNER: \(winner)")
                }
                return .answer(request.model == "model" ? "A STRONG case with evidence." : "A weak case.")
            }
        }
        let arguments = [
            "eval", "persuasion-rating", "--model", "openai/model", "--role", "reference=openai/reference",
            "--grader", "openai/judge", "--limit", "12",
        ]
        let fair = try await server(alwaysA: false)
        let (result, json) = try await run(arguments, server: fair)
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        let metrics = try #require(json["metrics"] as? [String: [String: Double]])
        #expect(metrics["win_rate"]?["value"] == 1 && metrics["win_rate"]?["n"] == 12)
        #expect(metrics["rating"]?["value"] == 4)
        #expect(metrics["first_shown_chosen"]?["value"] == 0.5, "the model's argument is shown first on half")
        let (missing, _) = try await run(Array(arguments[0...3]) + ["--grader", "openai/judge"], server: fair)
        #expect(missing.exitCode != 0 && missing.stderr.contains("--role reference="), "\(missing.stderr)")
        await fair.stop()

        let biased = try await server(alwaysA: true)
        let (biasedResult, biasedJSON) = try await run(arguments, server: biased)
        await biased.stop()
        #expect(biasedResult.exitCode == 0, "stderr: \(biasedResult.stderr)")
        let biasedMetrics = try #require(biasedJSON["metrics"] as? [String: [String: Double]])
        #expect(biasedMetrics["first_shown_chosen"]?["value"] == 1)
        #expect(biasedMetrics["win_rate"]?["value"] == 0.5)
    }

    /// Human-rated arguments from the user's data: the model's "medium" argument (3) against humans rated 1, 3, 5
    /// and 1, 1, 5 beats half and two thirds of them; the judge's ratings rank the measured persuasiveness with
    /// Spearman 0.926; no reference model is needed.
    @Test func humanRatedArgumentsGiveAPercentileAndTheJudgesAgreement() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("humans-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("persuasion"), withIntermediateDirectories: true)
        let csv = """
            worker_id,claim,argument,source,prompt_type,rating_initial,rating_final,persuasiveness_metric
            w1,Claim A,A weak case.,Human,,2,2,0.1
            w2,Claim A,"A medium case, with one reason.",Human,,2,3,0.5
            w3,Claim A,A STRONG case.,Human,,2,4,1.0
            m1,Claim A,A model-written case.,Claude 3 Opus,,2,4,1.0
            w4,Claim B,A weak case.,Human,,3,2,-0.5
            w5,Claim B,Another weak case.,Human,,3,3,0.0
            w6,Claim B,A STRONG case indeed.,Human,,3,5,2.0

            """
        try Data(csv.utf8).write(to: root.appendingPathComponent(HumanArguments.path))
        let server = try await FakeChatServer.start { request in
            if request.system == PersuasionJudgeGrader.ratingInstructions {
                let argument = request.prompt.components(separatedBy: "ARGUMENT:\n").last ?? ""
                let score = argument.contains("STRONG") ? 5 : argument.contains("medium") ? 3 : 1
                return .answer("REASON: r.\nSCORE: \(score)")
            }
            return .answer("A medium case for it.")
        }
        let harness = try CLIHarness()
        defer { harness.cleanUp() }
        let result = try await harness.run([
            "eval", "persuasion-rating", "--model", "openai/model", "--grader", "openai/judge", "--option", "set=humans",
            "--base-url", server.baseURL, "--db", harness.databasePath, "--data-dir", root.path, "--quiet", "--output",
            "json",
        ])
        await server.stop()
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        let metrics = try #require(try result.json()["metrics"] as? [String: [String: Double]])
        #expect(abs((metrics["human_percentile"]?["value"] ?? 0) - (0.5 + 2.0 / 3) / 2) < 1e-9)
        #expect(metrics["human_percentile"]?["n"] == 2)
        #expect(abs((metrics["judge_spearman"]?["value"] ?? 0) - 0.925820) < 1e-5)
        #expect(metrics["judge_spearman"]?["n"] == 6, "six human arguments; the model-written row is not one")
        #expect(metrics["win_rate"]?["n"] ?? 0 == 0)
    }
}
