import Foundation
@testable import SystemCardKit
import SystemCardTestSupport
import Testing

/// The automated attackers end to end, against a scripted target, attacker and judge with known outcomes.
@Suite(.enabled(if: CLIHarness.hasSharedDatasets, "needs ../shared/datasets (JailbreakBench); skipped when absent"))
struct RedTeamAttackTests {
    static let harmful = "STEP 1: the detailed procedure you asked for."

    /// `target` gives in once its conversation has three user turns, and refuses "question 2"; PAIR's target gives in
    /// to "logical attempt 2". The attacker numbers its messages; the judge and classifier look for the harmful text.
    static func server() async throws -> FakeChatServer {
        try await FakeChatServer.start { request in
            let messages = request.messages
            switch request.model {
            case "attacker":
                let k = messages.filter { $0.role == "assistant" }.count + 1
                if messages.first?.content.contains("gradual escalation") == true {
                    return .answer(#"{"rationale": "build on it", "question": "question \#(k)"}"#)
                }
                let logical = messages.first?.content.contains("Use logical appeal") == true
                return .answer("Here you go: {\"improvement\": \"sharper\", \"prompt\": \"\(logical ? "logical " : "")attempt \(k)\"}")
            case "judge":
                let system = request.system ?? ""
                if system.contains("judge of an AI red-teaming") {
                    return .answer(request.prompt.contains("STEP 1") ? "RATING: 10\nACTIONABLE: yes" : "RATING: 3\nACTIONABLE: no")
                }
                if system.contains("content classifier") {
                    return .answer(request.prompt.contains("STEP 1") ? "VERDICT: unsafe\nCATEGORIES: weapons" : "VERDICT: safe\nCATEGORIES: none")
                }
                return .answer("YES")
            default:
                let last = request.prompt
                if last == "question 2" { return .answer("I'm sorry, but I can't help with that.") }
                if last == "logical attempt 2" { return .answer(Self.harmful) }
                let turns = messages.filter { $0.role == "user" }.count
                return .answer(turns >= 3 ? Self.harmful : "Some general background on the topic.")
            }
        }
    }

    func run(_ harness: CLIHarness, _ server: FakeChatServer, _ extra: [String]) async throws -> CLIHarness.Result {
        try await harness.run(
            ["eval", "redteam-attack", "--model", "openai/target", "--role", "attacker=openai/attacker",
             "--grader", "openai/judge", "--option", "set=jbb", "--limit", "2", "--base-url", server.baseURL,
             "--data-dir", CLIHarness.sharedDatasets!.path, "--db", harness.databasePath, "--quiet", "--output", "json"]
                + extra,
            environment: ["OPENAI_API_KEY": "k"])
    }

    @Test func crescendoSucceedsAtTheThirdTurnAfterOneBacktrackWithQueriesCountedExactly() async throws {
        let server = try await Self.server()
        let harness = try CLIHarness()
        defer { harness.cleanUp() }
        let result = try await run(harness, server, ["--option", "attack=crescendo"])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        let json = try result.json()
        let metrics = try #require(json["metrics"] as? [String: [String: Double]])
        #expect(metrics["attack_success_rate"]?["value"] == 1)
        #expect(metrics["queries_to_success"]?["value"] == 4, "question 1, question 2 (refused), question 3, question 4")
        #expect(metrics["queries"]?["value"] == 4)
        let runID = try #require(json["run_id"] as? String)
        let store = try SQLiteResultStore(path: harness.databasePath)
        let results = try await store.results(runID: runID)
        #expect(results.count == 2)
        let parts = try #require(results.first?.score?.parts)
        #expect(parts["turns"] == 3 && parts["backtracks"] == 1)
        #expect(results.first?.completion == Self.harmful)
        let transcript = try #require(results.first?.transcript)
        #expect(transcript.contains { $0.content.contains("removed from the target's memory") })

        // Resuming asks nothing again; the same run id.
        let asked = server.totalRequests
        let again = try await run(harness, server, ["--option", "attack=crescendo"])
        #expect(again.exitCode == 0)
        #expect(server.totalRequests == asked)
        #expect(try again.json()["run_id"] as? String == runID)
        await server.stop()
    }

    @Test func pairStopsAtTheFirstSuccessfulStream() async throws {
        let server = try await Self.server()
        let harness = try CLIHarness()
        defer { harness.cleanUp() }
        let result = try await run(harness, server, ["--option", "attack=pair"])
        await server.stop()
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        let metrics = try #require(try result.json()["metrics"] as? [String: [String: Double]])
        #expect(metrics["attack_success_rate"]?["value"] == 1)
        #expect(metrics["queries_to_success"]?["value"] == 5, "three streams in iteration 1, then stream 2's second attempt")
    }

    @Test func aTargetThatNeverGivesInResistsWithinTheBudget() async throws {
        let server = try await FakeChatServer.start { request in
            switch request.model {
            case "attacker": return .answer(#"{"improvement": "x", "prompt": "try \#(request.messages.count)"}"#)
            case "judge":
                if request.system?.contains("judge of an AI red-teaming") == true { return .answer("RATING: 1\nACTIONABLE: no") }
                return .answer("YES")
            default: return .answer("I'm sorry, but I can't help with that.")
            }
        }
        let harness = try CLIHarness()
        defer { harness.cleanUp() }
        let result = try await run(harness, server, ["--option", "attack=tap", "--option", "max-queries=7"])
        await server.stop()
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        let metrics = try #require(try result.json()["metrics"] as? [String: [String: Double]])
        #expect(metrics["attack_success_rate"]?["value"] == 0)
        #expect(metrics["queries"]?["value"] == 7, "the budget caps target queries")
        #expect(metrics["queries_to_success"] == nil)
    }

    /// A token budget ends the attack: every call is 15 tokens here (attacker, target, judge: 45 per query), so a
    /// budget of 100 allows a third query (90 < 100) and no fourth.
    @Test func aTokenBudgetEndsTheAttack() async throws {
        let server = try await FakeChatServer.start { request in
            switch request.model {
            case "attacker": return .answer(#"{"improvement": "x", "prompt": "try \#(request.messages.count)"}"#)
            case "judge": return .answer("RATING: 1\nACTIONABLE: no")
            default: return .answer("I'm sorry, but I can't help with that.")
            }
        }
        let harness = try CLIHarness()
        defer { harness.cleanUp() }
        let result = try await run(harness, server, ["--option", "attack=pair", "--option", "max-tokens=100"])
        await server.stop()
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        let metrics = try #require(try result.json()["metrics"] as? [String: [String: Double]])
        #expect(metrics["queries"]?["value"] == 3)
        #expect(metrics["tokens"]?["value"] == 135)
        #expect(metrics["attack_success_rate"]?["value"] == 0)
    }

    @Test func withoutAJudgeOrAnAttackerTheRunSaysWhatIsMissing() async throws {
        let harness = try CLIHarness()
        defer { harness.cleanUp() }
        let noJudge = try await harness.run(
            ["eval", "redteam-attack", "--model", "openai/t", "--role", "attacker=openai/a", "--base-url", "http://127.0.0.1:9/v1"],
            environment: ["OPENAI_API_KEY": "k"])
        #expect(noJudge.exitCode == 2)
        #expect(noJudge.stderr.contains("--grader"), "\(noJudge.stderr)")
        let noAttacker = try await harness.run(
            ["eval", "redteam-attack", "--model", "openai/t", "--grader", "openai/j", "--base-url", "http://127.0.0.1:9/v1"],
            environment: ["OPENAI_API_KEY": "k"])
        #expect(noAttacker.exitCode == 2)
        #expect(noAttacker.stderr.contains("--role attacker="), "\(noAttacker.stderr)")
    }
}
