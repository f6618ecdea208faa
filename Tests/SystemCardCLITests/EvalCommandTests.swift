import Foundation
@testable import SystemCardKit
import SystemCardTestSupport
import Testing

/// `systemcard eval` end to end: the real binary against a loopback OpenAI-compatible server.
@Suite(.enabled(if: CLIHarness.hasSharedDatasets, "needs ../shared/datasets (XSTest); skipped when absent"))
struct EvalCommandTests {
    let datasets = CLIHarness.sharedDatasets?.path ?? ""

    func evalArguments(_ harness: CLIHarness, server: FakeChatServer, _ extra: [String]) -> [String] {
        ["eval", "xstest", "--model", "openai/fake", "--base-url", server.baseURL, "--db", harness.databasePath,
         "--data-dir", datasets, "--quiet"] + extra
    }

    @Test func wellBehavedModelScoresPerfectlyWithRulesGrader() async throws {
        let (_, unsafe) = try XSTestPrompts.load()
        let server = try await FakeChatServer.start { request in
            unsafe.contains(request.prompt) ? .answer(XSTestPrompts.refusal) : .answer(XSTestPrompts.answer)
        }
        let harness = try CLIHarness()
        defer { harness.cleanUp() }
        let result = try await harness.run(
            evalArguments(harness, server: server, ["--grader", "rules", "--output", "json"]),
            environment: ["OPENAI_API_KEY": "sk-test-secret-123"])
        await server.stop()
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        let json = try result.json()
        let counts = try #require(json["counts"] as? [String: Int])
        #expect(counts["samples"] == 450)
        #expect(counts["scored"] == 450)
        #expect(counts["errors"] == 0)
        let metrics = try #require(json["metrics"] as? [String: [String: Double]])
        #expect(metrics["not_overrefuse"]?["value"] == 1)
        #expect(metrics["not_overrefuse"]?["n"] == 250)
        #expect(metrics["not_unsafe"]?["value"] == 1)
        #expect(metrics["not_unsafe"]?["n"] == 200)
        let low = try #require(metrics["not_unsafe"]?["ci_low"])
        #expect(low > 0.97 && low < 1)
        let usage = try #require(json["usage"] as? [String: Int])
        #expect(usage["promptTokens"] == 4500)
        #expect(server.totalRequests == 450)
        // The key never reaches the database.
        let database = try Data(contentsOf: URL(fileURLWithPath: harness.databasePath))
        #expect(database.range(of: Data("sk-test-secret-123".utf8)) == nil)
    }

    @Test func logLevelShowsRetriesAndFailuresEscapedAndNeverTheKey() async throws {
        let secret = "sk-test-secret-456"
        let server = try await FakeChatServer.start { request in
            if request.attempt == 1 {
                // A hostile endpoint: echoes the key and sends terminal escapes in its error text.
                return .status(429, body: #"{"error":{"message":"slow down \#(secret) \u001b[2J"}}"#, headers: [("Retry-After", "0")])
            }
            return request.prompt.lowercased().contains("kill") ? .status(400) : .answer(XSTestPrompts.answer)
        }
        let harness = try CLIHarness()
        defer { harness.cleanUp() }
        let result = try await harness.run(
            evalArguments(
                harness, server: server,
                ["--grader", "rules", "--limit", "20", "--log-level", "trace", "--retry-base-delay", "0.01"]),
            environment: ["OPENAI_API_KEY": secret])
        await server.stop()
        #expect(result.exitCode == 1, "a 400 is an errored sample; stderr: \(result.stderr)")
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.contains(" info run ") && $0.contains("evaluation=xstest") && $0.contains("to_do=20") })
        #expect(lines.contains { $0.contains(" info retrying ") && $0.contains("HTTP 429") && $0.contains("[redacted]") })
        #expect(lines.contains { $0.contains(" trace request ") && $0.contains("model=fake") })
        #expect(lines.contains { $0.contains(" info sample failed ") && $0.contains("HTTP 400") })
        #expect(lines.contains { $0.contains(" info run ended ") && $0.contains("status=finished") })
        #expect(!result.stderr.contains(secret))
        #expect(!result.stderr.contains("\u{1B}"), "server text is escaped before it reaches the terminal")
        let database = try Data(contentsOf: URL(fileURLWithPath: harness.databasePath))
        #expect(database.range(of: Data(secret.utf8)) == nil)

        // The default level keeps stderr free of these lines.
        let quiet = try await harness.run(evalArguments(harness, server: server, ["--grader", "rules", "--limit", "20"]))
        #expect(!quiet.stderr.contains(" info "))
    }

    @Test func overRefusingModelIsMeasuredAsSuch() async throws {
        let server = try await FakeChatServer.start { _ in .answer(XSTestPrompts.refusal) }
        let harness = try CLIHarness()
        defer { harness.cleanUp() }
        let result = try await harness.run(evalArguments(harness, server: server, ["--grader", "rules", "--output", "json"]))
        await server.stop()
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        let metrics = try #require(try result.json()["metrics"] as? [String: [String: Double]])
        #expect(metrics["not_overrefuse"]?["value"] == 0)
        #expect(metrics["not_unsafe"]?["value"] == 1)
    }

    @Test func rateLimitsServerErrorsAndTimeoutsAreRetriedAndBrokenAnswersAreErrorsNotScores() async throws {
        let server = try await FakeChatServer.start { request in
            if request.prompt.lowercased().contains("kill") { return .raw("{\"choices\": [oops") }
            switch request.attempt {
            case 1: return .status(429, headers: [("Retry-After", "0")])
            case 2: return request.prompt.count % 3 == 0 ? .delayed(.seconds(20), .answer("late")) : .status(503)
            default: return .answer(XSTestPrompts.answer)
            }
        }
        let harness = try CLIHarness()
        defer { harness.cleanUp() }
        let arguments = evalArguments(
            harness, server: server,
            ["--grader", "rules", "--limit", "40", "--output", "json", "--max-retries", "4", "--retry-base-delay", "0.01",
             "--timeout", "10"])  // 10 s: the whole suite shares 2 cores; the late answers (20 s) still time out
        let first = try await harness.run(arguments)
        #expect(first.exitCode == 1, "errored samples must give exit code 1; stderr: \(first.stderr)")
        let json = try first.json()
        let counts = try #require(json["counts"] as? [String: Int])
        let directory = DataDirectory(url: try #require(CLIHarness.sharedDatasets))
        let selected = try XSTestDataset().load(from: directory).samples.prefix(40)
        let broken = selected.filter { $0.prompt.lowercased().contains("kill") }
        #expect(broken.count > 0)
        #expect(counts["errors"] == broken.count)
        #expect(counts["scored"] == 40 - broken.count)
        let metrics = try #require(json["metrics"] as? [String: [String: Double]])
        let n = Int(metrics["not_overrefuse"]?["n"] ?? -1) + Int(metrics["not_unsafe"]?["n"] ?? -1)
        #expect(n == 40 - broken.count, "errored samples are never scored")

        // Running again asks for nothing: scored samples are finished, errored ones wait for --retry-errors.
        let before = server.totalRequests
        let second = try await harness.run(arguments)
        #expect(second.exitCode == 1)
        #expect(server.totalRequests == before)

        // --retry-errors asks only for the errored samples (each up to 1 + 4 retries).
        let third = try await harness.run(arguments + ["--retry-errors"])
        #expect(third.exitCode == 1)
        let added = server.totalRequests - before
        #expect(added == broken.count * 5)
        await server.stop()
    }

    @Test func killMinus9LosesNoFinishedSampleAndResumeNeverRepeatsOne() async throws {
        let server = try await FakeChatServer.start { _ in .delayed(.milliseconds(15), .answer(XSTestPrompts.answer)) }
        let harness = try CLIHarness()
        defer { harness.cleanUp() }
        let arguments = evalArguments(harness, server: server, ["--grader", "rules", "--max-connections", "4"])
        let (process, out, err) = try harness.start(arguments)
        while server.totalRequests < 120 && process.isRunning { try await Task.sleep(for: .milliseconds(5)) }
        kill(process.processIdentifier, SIGKILL)
        let killed = await CLIHarness.wait(process, out, err)
        #expect(killed.exitCode != 0)

        // What the killed process had finished is in the database, and the file is intact.
        let store = try SQLiteResultStore(path: harness.databasePath)
        let run = try #require(try await store.runs().first)
        let finished = try await store.results(runID: run.id).filter { $0.status == .scored }
        #expect(finished.count >= 60, "most answered samples were committed before the kill")
        let countsAtKill = server.requestCounts

        let resumed = try await harness.run(arguments + ["--output", "json"])
        #expect(resumed.exitCode == 0, "stderr: \(resumed.stderr)")
        let counts = try #require(try resumed.json()["counts"] as? [String: Int])
        #expect(counts["scored"] == 450)
        for result in finished {
            let key = "user:\(result.sample.prompt)"
            #expect(server.requests(for: key) == countsAtKill[key], "finished sample \(result.sample.id) was requested again")
            #expect(server.requests(for: key) == 1)
        }
        #expect(server.totalRequests - countsAtKill.values.reduce(0, +) <= 450 - finished.count + 4)
        await server.stop()
    }

    @Test func ctrlCSavesFinishedSamplesAndExits130() async throws {
        let server = try await FakeChatServer.start { _ in .delayed(.milliseconds(15), .answer(XSTestPrompts.answer)) }
        let harness = try CLIHarness()
        defer { harness.cleanUp() }
        let arguments = evalArguments(harness, server: server, ["--grader", "rules", "--max-connections", "4"])
        let (process, out, err) = try harness.start(arguments)
        while server.totalRequests < 60 && process.isRunning { try await Task.sleep(for: .milliseconds(5)) }
        kill(process.processIdentifier, SIGINT)
        let interrupted = await CLIHarness.wait(process, out, err)
        #expect(interrupted.exitCode == 130, "stderr: \(interrupted.stderr)")
        #expect(interrupted.stderr.contains("interrupted"))
        let store = try SQLiteResultStore(path: harness.databasePath)
        let run = try #require(try await store.runs().first)
        #expect(run.status == .interrupted)
        let saved = try await store.results(runID: run.id).count
        #expect(saved >= 50)
        let before = server.totalRequests
        let resumed = try await harness.run(arguments)
        #expect(resumed.exitCode == 0, "stderr: \(resumed.stderr)")
        // Every unsaved sample is run again; an answer that arrived while Ctrl-C stopped its sample is in the call
        // cache and is not paid again (at most the 4 calls in flight).
        let asked = server.totalRequests - before
        #expect(asked <= 450 - saved && asked >= 450 - saved - 4, "asked \(asked) for \(450 - saved) unsaved samples")
        await server.stop()
    }

    @Test func modelGraderStoresVerdictsAndMalformedJudgeAnswersAreErrors() async throws {
        let judgeMarker = "You label how an AI assistant answered"
        let server = try await FakeChatServer.start { request in
            if let system = request.system, system.contains(judgeMarker) {
                if request.prompt.contains("balloon") { return .answer("I think it is fine.") }
                let refused = request.prompt.contains("I'm sorry")
                return .answer("REASON: looked at it.\nCLASS: \(refused ? "full_refusal" : "full_compliance")")
            }
            return .answer(request.prompt.count % 2 == 0 ? XSTestPrompts.refusal : XSTestPrompts.answer)
        }
        let harness = try CLIHarness()
        defer { harness.cleanUp() }
        let result = try await harness.run(
            evalArguments(
                harness, server: server,
                ["--grader", "openai/judge", "--option", "grading=systemcard", "--limit", "30", "--output", "json"]))
        await server.stop()
        let directory = DataDirectory(url: try #require(CLIHarness.sharedDatasets))
        let selected = try XSTestDataset().load(from: directory).samples.prefix(30)
        let malformed = selected.filter { $0.prompt.contains("balloon") }.count
        let json = try result.json()
        #expect(json["grader"] as? String == "model")
        #expect(json["grader_model"] as? String == "openai/judge")
        let counts = try #require(json["counts"] as? [String: Int])
        #expect(counts["errors"] == malformed)
        #expect(counts["scored"] == 30 - malformed)
        #expect(result.exitCode == (malformed > 0 ? 1 : 0))
        let graderUsage = try #require(json["grader_usage"] as? [String: Int])
        #expect((graderUsage["promptTokens"] ?? 0) > 0)

        let store = try SQLiteResultStore(path: harness.databasePath)
        let results = try await store.results(runID: try #require(json["run_id"] as? String))
        let judged = try #require(results.first { $0.status == .scored })
        #expect(judged.score?.judgeOutput?.contains("CLASS:") == true)
    }

    @Test func unknownModelStopsWithExitCode2AndSaysWhatToCheck() async throws {
        let server = try await FakeChatServer.start { _ in
            .status(404, body: #"{"error":{"message":"The model `nope` does not exist"}}"#)
        }
        let harness = try CLIHarness()
        defer { harness.cleanUp() }
        let result = try await harness.run(
            ["eval", "xstest", "--model", "openai/nope", "--base-url", server.baseURL, "--db", harness.databasePath,
             "--data-dir", datasets, "--grader", "rules", "--quiet"])
        await server.stop()
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("not found"))
        #expect(result.stderr.contains("--base-url"))
        #expect(server.totalRequests < 100, "a fatal error stops the run instead of failing every sample")
    }

    @Test func deadServerStopsTheRunAtOnceWithAClearMessage() async throws {
        let server = try await FakeChatServer.start { _ in .answer("unused") }
        let deadURL = server.baseURL
        await server.stop()
        let harness = try CLIHarness()
        defer { harness.cleanUp() }
        // Default retry settings: the run must still end within seconds, not after every sample's retries.
        let result = try await harness.run(
            ["eval", "xstest", "--model", "openai/fake", "--base-url", deadURL, "--db", harness.databasePath,
             "--data-dir", datasets, "--grader", "rules", "--limit", "12", "--quiet"])
        #expect(result.exitCode == 2, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("cannot reach \(deadURL)"))
        #expect(result.stderr.contains("is the server running"))
        #expect(result.elapsed < .seconds(30), "the run itself, not the wait for a CLI slot")
    }

    @Test func aServerGoneSinceTheLastRunIsUnreachableNotAPileOfErrors() async throws {
        let server = try await FakeChatServer.start { _ in .answer(XSTestPrompts.answer) }
        let harness = try CLIHarness()
        defer { harness.cleanUp() }
        let arguments = ["eval", "xstest", "--model", "openai/fake", "--base-url", server.baseURL, "--db", harness.databasePath,
             "--data-dir", datasets, "--grader", "rules", "--max-retries", "1", "--retry-base-delay", "0.01",
             "--output", "json", "--quiet"]
        let first = try await harness.run(arguments + ["--limit", "4"])
        #expect(first.exitCode == 0, "stderr: \(first.stderr)")
        await server.stop()
        // The endpoint answered in this store's earlier run, but this process has not seen it answer: the first
        // two refused connections still mean "unreachable", and the run stops with nothing lost.
        let second = try await harness.run(arguments + ["--limit", "12"])
        #expect(second.exitCode == 2, "stderr: \(second.stderr)")
        #expect(second.stderr.contains("cannot reach"))
    }

    @Test func usageErrorsExitWith2() async throws {
        let harness = try CLIHarness()
        defer { harness.cleanUp() }
        let missingModel = try await harness.run(["eval", "xstest"])
        #expect(missingModel.exitCode == 2)
        #expect(missingModel.stderr.contains("--model"))
        let badProvider = try await harness.run(["eval", "xstest", "--model", "gpt-4o", "--db", harness.databasePath])
        #expect(badProvider.exitCode == 2)
        #expect(badProvider.stderr.contains("openai/<model>"))
        let noData = try await harness.run(
            ["eval", "xstest", "--model", "openai/x", "--db", harness.databasePath, "--data-dir", harness.directory.path])
        #expect(noData.exitCode == 2)
        #expect(noData.stderr.contains("systemcard data fetch xstest"))
    }
}
