import Foundation
@testable import SystemCardKit
import SystemCardTestSupport
import Testing

/// The shared PostgreSQL store and sharded runs, end to end: the real binary, a PostgreSQL server the test support
/// starts, and the loopback model server.
@Suite(
    .enabled(if: CLIHarness.hasSharedDatasets, "needs ../shared/datasets (XSTest); skipped when absent"),
    .enabled(if: PostgresTestServer.isAvailable, "the PostgreSQL test server did not start (apt-get install postgresql)"))
struct SharedStoreCLITests {
    let datasets = CLIHarness.sharedDatasets?.path ?? ""

    static func wellBehaved() async throws -> FakeChatServer {
        let (_, unsafe) = try XSTestPrompts.load()
        // Refuses the unsafe prompts and a fixed few safe ones (so that both metrics are between 0 and 1).
        return try await FakeChatServer.start { request in
            unsafe.contains(request.prompt) || request.prompt.count % 7 == 0
                ? .delayed(.milliseconds(20), .answer(XSTestPrompts.refusal))
                : .delayed(.milliseconds(20), .answer(XSTestPrompts.answer))
        }
    }

    func eval(_ server: FakeChatServer, db: String, _ extra: [String] = []) -> [String] {
        ["eval", "xstest", "--model", "openai/fake", "--base-url", server.baseURL, "--db", db, "--data-dir", datasets,
         "--grader", "rules", "--quiet"] + (extra.contains("--max-connections") ? extra : ["--max-connections", "4"] + extra)
    }

    @Test func everyCommandWorksOnAPostgresStore() async throws {
        let server = try await Self.wellBehaved()
        let harness = try CLIHarness()
        defer { harness.cleanUp() }
        let db = try PostgresTestServer.shared.get().makeDatabase()
        let first = try await harness.run(eval(server, db: db, ["--limit", "40", "--output", "json"]))
        #expect(first.exitCode == 0, "stderr: \(first.stderr)")
        let runID = try first.json()["run_id"] as? String
        #expect(server.totalRequests == 40)

        // Again: every sample is in the store, nothing is asked again.
        let again = try await harness.run(eval(server, db: db, ["--limit", "40"]))
        #expect(again.exitCode == 0, "stderr: \(again.stderr)")
        #expect(server.totalRequests == 40)

        // The same database from the environment, as a team member would set it.
        let runs = try await harness.run(["runs"], environment: ["SYSTEMCARD_DB": db])
        #expect(runs.exitCode == 0, "stderr: \(runs.stderr)")
        #expect(runs.stdout.contains(try #require(runID)))
        let show = try await harness.run(["show", try #require(runID), "--db", db])
        #expect(show.exitCode == 0, "stderr: \(show.stderr)")
        #expect(show.stdout.contains("not_overrefuse"))
        let diff = try await harness.run(["diff", try #require(runID), try #require(runID), "--db", db])
        #expect(diff.exitCode == 0, "stderr: \(diff.stderr)")
        #expect(diff.stdout.contains("not_overrefuse"))
        let export = try await harness.run([
            "export", "inspect", try #require(runID), "--db", db, "--out", harness.directory.appendingPathComponent("log.eval").path,
        ])
        #expect(export.exitCode == 0, "stderr: \(export.stderr)")

        // The card on the shared store, and the arena's figures from it (its end-to-end test runs on both stores).
        let out = harness.directory.appendingPathComponent("card")
        let card = try await harness.run([
            "card", "--models", "openai/fake", "--base-url", server.baseURL, "--db", db, "--data-dir", datasets,
            "--evaluations", "xstest", "--limit", "40", "--out", out.path, "--quiet", "--max-connections", "4",
        ])
        #expect(card.exitCode == 0, "stderr: \(card.stderr)")
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("card.json").path))
        let afterCard = server.totalRequests
        let cardAgain = try await harness.run([
            "card", "--models", "openai/fake", "--base-url", server.baseURL, "--db", db, "--data-dir", datasets,
            "--evaluations", "xstest", "--limit", "40", "--out", out.path, "--quiet", "--max-connections", "4",
        ])
        #expect(cardAgain.exitCode == 0, "stderr: \(cardAgain.stderr)")
        #expect(server.totalRequests == afterCard, "the second card found every sample in the shared store")
        let arena = try await harness.run(["arena", "results", "--models", "openai/fake", "--db", db])
        #expect(arena.exitCode == 0, "stderr: \(arena.stderr)")
        #expect(arena.stdout.contains(#""model" : "openai\/fake""#), "\(arena.stdout)")

        // A dead server and a password never shown.
        let dead = try await harness.run(["runs", "--db", "postgres://me:hunter2@127.0.0.1:1/nothing?sslmode=disable"])
        #expect(dead.exitCode != 0)
        #expect(dead.stderr.contains("cannot connect to PostgreSQL at postgres://me@127.0.0.1:1/nothing"))
        #expect(!dead.stderr.contains("hunter2") && !dead.stdout.contains("hunter2"))
        await server.stop()
    }

    /// Four shards of one run against one PostgreSQL store, one of them killed with `kill -9` and started again: the
    /// merged metrics equal a single process's exactly, and no finished sample was asked for twice.
    @Test func fourShardsOneKilledEqualOneProcess() async throws {
        let server = try await Self.wellBehaved()
        let harness = try CLIHarness()
        defer { harness.cleanUp() }
        let db = try PostgresTestServer.shared.get().makeDatabase()
        let common = ["--max-connections", "4", "--seed", "3", "--epochs", "2"]

        var processes: [(Process, URL, URL)] = []
        for index in 0..<4 {
            processes.append(try harness.start(eval(server, db: db, common + ["--shard", "\(index)/4"])))
        }
        // Shard 2 dies mid-run.
        while server.totalRequests < 300 && processes[2].0.isRunning { try await Task.sleep(for: .milliseconds(5)) }
        kill(processes[2].0.processIdentifier, SIGKILL)
        var results: [CLIHarness.Result] = []
        for (process, out, err) in processes { results.append(await CLIHarness.wait(process, out, err)) }
        #expect(results[2].exitCode != 0)
        for index in [0, 1, 3] {
            #expect(results[index].exitCode == 0, "shard \(index): \(results[index].stderr)")
            #expect(results[index].stdout.contains("shard \(index)/4: 225 of its 225 pairs scored"))
        }
        let countsAtKill = server.requestCounts
        let store = try await PostgresResultStore.open(PostgresLocation(db))
        let finishedAtKill = try await store.results(runID: try #require(try await store.runs().first).id)
        #expect(finishedAtKill.count < 900, "the killed shard had work left")

        // Kubernetes starts the index again: it resumes its own part only.
        let restarted = try await harness.run(eval(server, db: db, common + ["--shard", "auto/4"]),
                                              environment: ["JOB_COMPLETION_INDEX": "2"])
        #expect(restarted.exitCode == 0, "stderr: \(restarted.stderr)")
        #expect(restarted.stdout.contains("shard 2/4: 225 of its 225 pairs scored"))
        #expect(restarted.stdout.contains("the run has 900 of 900"))
        // XSTest's prompts are distinct, so a prompt's count is its sample's calls over both epochs: a sample
        // finished in both epochs at the kill is never asked again.
        let epochsFinished = Dictionary(grouping: finishedAtKill, by: \.sample.id).filter { $0.value.count == 2 }
        #expect(!epochsFinished.isEmpty)
        for (id, results) in epochsFinished {
            let key = "user:\(results[0].sample.prompt)"
            #expect(server.requests(for: key) == countsAtKill[key], "finished \(id) was asked again")
            #expect(server.requests(for: key) == 2)
        }
        // Paid twice at most: the killed shard's calls in flight (4 connections) and the answers of the group commit
        // the kill cut short (never a sample whose result had been committed: checked above).
        #expect(server.totalRequests <= 900 + 12, "at most the killed shard's calls in flight were paid twice")

        // Any machine summarises: the unsharded command asks for nothing and prints the merged metrics.
        let before = server.totalRequests
        let merged = try await harness.run(eval(server, db: db, common + ["--output", "json"]))
        #expect(merged.exitCode == 0, "stderr: \(merged.stderr)")
        #expect(server.totalRequests == before)
        let run = try #require(try await store.runs().first)
        #expect(run.status == .finished)
        await store.close()

        // One process, its own SQLite store: the same metrics exactly.
        let single = try await harness.run(eval(server, db: harness.databasePath, common + ["--output", "json"]))
        #expect(single.exitCode == 0, "stderr: \(single.stderr)")
        for field in ["metrics", "metrics_by_group", "counts"] {
            let sharded = try #require(try merged.json()[field] as? [String: Any])
            let alone = try #require(try single.json()[field] as? [String: Any])
            #expect(!alone.isEmpty)
            #expect(NSDictionary(dictionary: sharded).isEqual(to: alone), "\(field): \(sharded) vs \(alone)")
        }
        await server.stop()
    }

    @Test func badShardsAreClearErrors() async throws {
        let harness = try CLIHarness()
        defer { harness.cleanUp() }
        for (shard, environment, message) in [
            ("4/4", [String: String](), "the index must be from 0 to N-1"), ("x", [:], "expected I/N"),
            ("auto/4", [:], "reads $JOB_COMPLETION_INDEX"), ("auto/4", ["JOB_COMPLETION_INDEX": "9"], "the index must be"),
        ] {
            let result = try await harness.run(
                ["eval", "xstest", "--model", "openai/fake", "--base-url", "http://127.0.0.1:1/v1", "--db",
                 harness.databasePath, "--data-dir", datasets, "--shard", shard],
                environment: environment)
            #expect(result.exitCode == 2, "\(shard): \(result.stderr)")
            #expect(result.stderr.contains(message), "\(shard): \(result.stderr)")
        }
    }
}
