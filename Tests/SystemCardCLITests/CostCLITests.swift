import Foundation
@testable import SystemCardKit
import SystemCardTestSupport
import Testing

/// Cost end to end: the spend shown by `eval`, `runs`, `show` and the card, `--dry-run` before any call, and
/// `--max-cost` stopping a run cleanly, which the same command with a higher limit resumes.
@Suite(.enabled(if: CLIHarness.hasSharedDatasets, "needs ../shared/datasets (XSTest); skipped when absent"))
struct CostCLITests {
    let datasets = CLIHarness.sharedDatasets?.path ?? ""

    func eval(_ harness: CLIHarness, _ server: FakeChatServer, _ extra: [String]) -> [String] {
        ["eval", "xstest", "--model", "openai/fake", "--base-url", server.baseURL, "--db", harness.databasePath,
         "--data-dir", datasets, "--grader", "rules", "--quiet", "--price", "openai/fake=2/8", "--max-connections", "4"]
            + extra  // a later --max-connections wins
    }

    @Test func theDryRunSendsNothingAndTheRunShowsWhatItCost() async throws {
        // The fake endpoint bills 10 input and 5 output tokens per call: $0.00006 a call at $2/$8 per million.
        let server = try await FakeChatServer.start { _ in .answer(XSTestPrompts.answer) }
        let harness = try CLIHarness()
        defer { harness.cleanUp() }
        let dry = try await harness.run(eval(harness, server, ["--limit", "20", "--max-tokens", "100", "--dry-run"]))
        #expect(dry.exitCode == 0, "stderr: \(dry.stderr)")
        #expect(server.totalRequests == 0)
        #expect(dry.stdout.contains("dry run: nothing was sent to any model"))
        let row = try #require(dry.stdout.split(separator: "\n").first { $0.hasPrefix("xstest") })
        let cells = row.split(separator: " ", omittingEmptySubsequences: true)
        #expect(cells[2] == "20" && cells[3] == "0" && cells[4] == "20", "20 to do, none done, 20 calls: \(row)")
        #expect(cells[6] == "2000", "20 answers of at most 100 tokens: \(row)")

        let run = try await harness.run(eval(harness, server, ["--limit", "20", "--max-tokens", "100", "--output", "json"]))
        #expect(run.exitCode == 0, "stderr: \(run.stderr)")
        let cost = try #require(try run.json()["cost"] as? [String: Any])
        #expect(abs((cost["dollars"] as? Double ?? 0) - 0.0012) < 1e-12)
        #expect((try run.json()["usage_by_role"] as? [String: [String: Any]])?["model"]?["calls"] as? Int == 20)

        // Run again: every sample is finished, the dry run says so and the cost is the run's, not this invocation's.
        let again = try await harness.run(eval(harness, server, ["--limit", "20", "--max-tokens", "100", "--dry-run"]))
        let againRow = try #require(again.stdout.split(separator: "\n").first { $0.hasPrefix("xstest") })
        let againCells = againRow.split(separator: " ", omittingEmptySubsequences: true)
        #expect(againCells[2] == "0" && againCells[3] == "20", "\(againRow)")
        let table = try await harness.run(eval(harness, server, ["--limit", "20", "--max-tokens", "100"]))
        #expect(table.stdout.contains("cost $0.0012"))
        #expect(table.stdout.contains("spent in this invocation: $0 in 0 calls"))
        let runs = try await harness.run(["runs", "--db", harness.databasePath])
        #expect(runs.stdout.contains("$0.0012") == false, "runs prices at the defaults, which have no price for openai/fake")
        #expect(runs.stdout.contains("≥ $0"))
        #expect(server.totalRequests == 20)
        await server.stop()
    }

    @Test func maxCostStopsCleanlyAndAHigherLimitResumesWithoutPayingTwice() async throws {
        let server = try await FakeChatServer.start { _ in .delayed(.milliseconds(5), .answer(XSTestPrompts.answer)) }
        let harness = try CLIHarness()
        defer { harness.cleanUp() }
        let base = ["--limit", "100", "--max-tokens", "100", "--max-connections", "2"]
        // A call's worst case is about $0.00086 (its input and 100 output tokens); it really costs $0.00006.
        let stopped = try await harness.run(eval(harness, server, base + ["--max-cost", "0.003"]))
        #expect(stopped.exitCode == 1, "stderr: \(stopped.stderr)")
        #expect(stopped.stderr.contains("stopped at the cost limit"))
        #expect(stopped.stderr.contains("run the same command with a higher --max-cost to resume"))
        let store = try SQLiteResultStore(path: harness.databasePath)
        let run = try #require(try await store.runs().first)
        let finished = try await store.results(runID: run.id)
        #expect(finished.count > 5 && finished.count < 100, "\(finished.count) samples before the limit")
        #expect(finished.allSatisfy { $0.status == .scored }, "a refused call is never an errored sample")
        let paid = server.totalRequests
        #expect(Double(paid) * 0.00006 <= 0.003)

        let resumed = try await harness.run(eval(harness, server, base + ["--max-cost", "1", "--output", "json"]))
        #expect(resumed.exitCode == 0, "stderr: \(resumed.stderr)")
        #expect((try resumed.json()["counts"] as? [String: Int])?["scored"] == 100)
        #expect(server.totalRequests - paid <= 100 - finished.count + 2, "finished samples were not asked again")
        for result in finished { #expect(server.requests(for: "user:\(result.sample.prompt)") == 1) }

        // A limit needs a price for every model it pays for.
        let unpriced = try await harness.run([
            "eval", "xstest", "--model", "openai/unpriced", "--base-url", server.baseURL, "--db", harness.databasePath,
            "--data-dir", datasets, "--grader", "rules", "--limit", "5", "--max-cost", "1",
        ])
        #expect(unpriced.exitCode == 2)
        #expect(unpriced.stderr.contains("--max-cost needs a price for openai/unpriced"))
        await server.stop()
    }

    @Test func theCardShowsEachColumnsCostAndItsDryRunSendsNothing() async throws {
        let server = try await FakeChatServer.start { _ in .answer(XSTestPrompts.answer) }
        let harness = try CLIHarness()
        defer { harness.cleanUp() }
        let config = try harness.directory.appendingPathComponent("card.yaml")
        try """
            models: [openai/a, openai/b]
            settings: {max_tokens: 50, limit: 10}
            evaluations: [xstest, hallucination]
            prices:
              openai/a: {input: 2, output: 8}
            """.write(to: config, atomically: true, encoding: .utf8)
        let out = harness.directory.appendingPathComponent("card")
        let arguments = [
            "card", "--config", config.path, "--base-url", server.baseURL, "--db", harness.databasePath, "--data-dir",
            datasets, "--out", out.path, "--quiet", "--max-connections", "4",
        ]
        let dry = try await harness.run(arguments + ["--dry-run"])
        #expect(dry.exitCode == 0, "stderr: \(dry.stderr)")
        #expect(server.totalRequests == 0)
        #expect(dry.stdout.contains("estimated total: ≥ $"))
        #expect(dry.stdout.contains("no price for openai/b"))
        #expect(dry.stdout.split(separator: "\n").contains { $0.hasPrefix("hallucination") && $0.contains("not run: needs a grader model") })
        #expect(!FileManager.default.fileExists(atPath: out.path))

        let card = try await harness.run(arguments)
        #expect(card.exitCode == 0, "stderr: \(card.stderr)")
        let markdown = try String(contentsOf: out.appendingPathComponent("card.md"), encoding: .utf8)
        #expect(markdown.contains("openai/a $0.0006"), "10 calls at $0.00006")
        #expect(markdown.contains("openai/b ≥ $0 (no price for openai/b)"))
        #expect(markdown.contains("cost $0.0006"))
        await server.stop()
    }
}
