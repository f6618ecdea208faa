import Foundation
@testable import SystemCardKit
import SystemCardTestSupport
import Testing

/// `systemcard card` and `systemcard diff` end to end: the real binary against a loopback server that plays
/// two models, one that refuses everything and one that answers everything (with markup in its answers).
@Suite(.enabled(if: CLIHarness.hasSharedDatasets, "needs ../shared/datasets (XSTest); skipped when absent"))
struct CardCommandTests {
    let datasets = CLIHarness.sharedDatasets?.path ?? ""
    static let hostileAnswer = "Sure, here it is: <script>alert('card')</script> step one, step two."

    static func twoModels() async throws -> FakeChatServer {
        try await FakeChatServer.start { request in
            request.model == "refuser" ? .answer(XSTestPrompts.refusal) : .answer(hostileAnswer)
        }
    }

    func cardArguments(_ harness: CLIHarness, server: FakeChatServer, out: URL, _ extra: [String]) -> [String] {
        [
            "card", "--models", "openai/refuser,openai/complier", "--base-url", server.baseURL, "--db",
            harness.databasePath,
            "--data-dir", datasets, "--out", out.path, "--quiet",
        ] + extra
    }

    func card(_ out: URL) throws -> [String: Any] {
        let data = try Data(contentsOf: out.appendingPathComponent("card.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func evaluation(_ card: [String: Any], _ name: String) throws -> [String: Any] {
        let evaluations = try #require(card["evaluations"] as? [[String: Any]])
        return try #require(evaluations.first { $0["name"] as? String == name })
    }

    func modelResult(_ evaluation: [String: Any], _ model: String) throws -> [String: Any] {
        let results = try #require(evaluation["results"] as? [[String: Any]])
        return try #require(results.first { $0["model"] as? String == model })
    }

    func figure(_ result: [String: Any], _ metric: String) throws -> [String: Any] {
        let figures = try #require(result["figures"] as? [[String: Any]])
        return try #require(figures.first { $0["name"] as? String == metric && $0["group"] == nil })
    }

    @Test func twoModelsSideBySideThenDiffFlagsTheRegression() async throws {
        let server = try await Self.twoModels()
        let harness = try CLIHarness()
        defer { harness.cleanUp() }
        let out = harness.directory.appendingPathComponent("card")
        let arguments = cardArguments(harness, server: server, out: out, ["--evaluations", "xstest", "--limit", "40"])
        let run = try await harness.run(arguments)
        #expect(run.exitCode == 0, "stderr: \(run.stderr)")
        #expect(run.stdout.contains("wrote \(out.path)/card.html"))
        for name in ["card.html", "card.md", "card.json"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path))
        }
        let json = try card(out)
        #expect(json["profile"] as? String == "full")
        #expect(json["limit"] as? Int == 40)
        let evaluations = try #require(json["evaluations"] as? [[String: Any]])
        #expect(
            Set(evaluations.compactMap { $0["name"] as? String }) == Set(EvaluationRegistry.names),
            "every registered evaluation appears")
        let xstest = try evaluation(json, "xstest")
        let refuser = try modelResult(xstest, "openai/refuser")
        let complier = try modelResult(xstest, "openai/complier")
        #expect(try figure(refuser, "not_overrefuse")["value"] as? Double == 0)
        #expect(try figure(refuser, "not_unsafe")["value"] as? Double == 1)
        #expect(try figure(complier, "not_overrefuse")["value"] as? Double == 1)
        #expect(try figure(complier, "not_unsafe")["value"] as? Double == 0)
        let n = try #require(try figure(complier, "not_unsafe")["n"] as? Int)
        #expect(n > 5, "a limited card takes a shuffled subset with unsafe prompts in it")
        #expect((complier["counts"] as? [String: Int])?["scored"] == 40)
        #expect((complier["dataset_files"] as? [[String: String]])?.first?["sha256"]?.count == 64)
        let examples = try #require(complier["examples"] as? [[String: Any]])
        #expect(examples.count == 3)
        #expect(
            (examples.first?["response"] as? String)?.contains("<script>") == true, "the JSON keeps outputs verbatim")
        let others = try evaluation(json, "instruction-hierarchy")
        #expect(
            (try modelResult(others, "openai/refuser")["not_run"] as? String)?.contains("not in this card's suite")
                == true)

        let html = try String(contentsOf: out.appendingPathComponent("card.html"), encoding: .utf8)
        #expect(!html.contains("<script"), "model outputs are escaped")
        #expect(html.contains("&lt;script&gt;alert(&#39;card&#39;)&lt;/script&gt;"))
        #expect(html.contains("<details class=\"examples\">"))
        #expect(html.contains("not assessed"))
        let markdown = try String(contentsOf: out.appendingPathComponent("card.md"), encoding: .utf8)
        #expect(markdown.contains("| metric | openai/refuser | openai/complier |"))

        // Running the card again resumes every run: nothing is asked twice.
        let requests = server.totalRequests
        let again = try await harness.run(arguments)
        #expect(again.exitCode == 0, "stderr: \(again.stderr)")
        #expect(server.totalRequests == requests)
        await server.stop()

        // diff: the card against itself is no regression; the refuser's run against the complier's is.
        let same = try await harness.run(["diff", out.path, out.appendingPathComponent("card.json").path])
        #expect(same.exitCode == 0, "stdout: \(same.stdout) stderr: \(same.stderr)")
        #expect(same.stdout.contains("no regression beyond the confidence intervals"))
        let before = try #require(refuser["run_id"] as? String)
        let after = try #require(complier["run_id"] as? String)
        let diff = try await harness.run(["diff", before, after, "--db", harness.databasePath, "--output", "json"])
        #expect(diff.exitCode == 3, "stdout: \(diff.stdout) stderr: \(diff.stderr)")
        let rows = try #require(try diff.json()["rows"] as? [[String: Any]])
        let unsafe = try #require(rows.first { $0["metric"] as? String == "not_unsafe" })
        #expect(unsafe["change"] as? String == "regressed")
        #expect(unsafe["beyond_ci"] as? Bool == true)
        #expect(rows.first { $0["metric"] as? String == "not_overrefuse" }?["change"] as? String == "improved")
        // Both runs are in the store and share their samples: the verdict comes from McNemar's exact test, with
        // the samples that flipped.
        let paired = try #require(unsafe["paired"] as? [String: Any])
        #expect(paired["test"] as? String == "mcnemar_exact")
        #expect((paired["p_value"] as? Double ?? 1) < 0.05)
        #expect((paired["worsened"] as? [String])?.isEmpty == false)
        let table = try await harness.run(["diff", before, after, "--db", harness.databasePath])
        #expect(table.stdout.contains("McNemar exact p="), "\(table.stdout)")
        #expect(table.stdout.contains("systemcard show \(after) --sample"), "\(table.stdout)")
    }

    /// The quick profile widens its 10 samples until every metric row has 5: XSTest's not_unsafe (unsafe prompts
    /// only, 200 of 450) rests on at least 5 samples, and the banner says so.
    @Test func theQuickProfileGivesEveryMetricRowAtLeastFiveSamples() async throws {
        let server = try await Self.twoModels()
        let harness = try CLIHarness()
        defer { harness.cleanUp() }
        let out = harness.directory.appendingPathComponent("card")
        let run = try await harness.run(
            cardArguments(harness, server: server, out: out, ["--profile", "quick", "--evaluations", "xstest,instruction-hierarchy"]))
        await server.stop()
        #expect(run.exitCode == 0, "stderr: \(run.stderr)")
        let json = try card(out)
        #expect(json["minimum_per_metric"] as? Int == 5)
        let evaluations = try #require(json["evaluations"] as? [[String: Any]])
        var checked = 0
        for name in ["xstest", "instruction-hierarchy"] {
            let results = try #require(evaluations.first { $0["name"] as? String == name }?["results"] as? [[String: Any]])
            for result in results {
                let figures = try #require(result["figures"] as? [[String: Any]])
                for figure in figures where figure["group"] == nil {
                    #expect((figure["n"] as? Int ?? 0) >= 5, "\(name) \(figure["name"] ?? ""): n = \(figure["n"] ?? "?")")
                    checked += 1
                }
            }
        }
        #expect(checked >= 2 * 2 * 2, "two evaluations × two models × their metrics")
        let markdown = try String(contentsOf: out.appendingPathComponent("card.md"), encoding: .utf8)
        #expect(markdown.contains("widened until every metric row has at least 5"))
    }

    /// Without --data-dir the card fetches its suite's missing datasets into the default folder first (here from a
    /// loopback mirror), one line each; one it cannot get is named and its evaluation says not run, the rest run.
    @Test func theCardFetchesTheDatasetsItsSuiteNeedsAndGoesOnWithoutTheOnesItCannotGet() async throws {
        let shared = try #require(CLIHarness.sharedDatasets)
        var files: [String: Data] = [:]
        for path in ["xstest/xstest_prompts.csv", "xstest/xstest_v2_completions_mistralinstruct.csv"] {
            files[path] = try Data(contentsOf: shared.appendingPathComponent(path))
        }
        let server = try await FakeChatServer.start(files: files) { _ in .answer(XSTestPrompts.refusal) }
        let harness = try CLIHarness()
        defer { harness.cleanUp() }
        let out = harness.directory.appendingPathComponent("card")
        let arguments = [
            "card", "--models", "openai/m", "--base-url", server.baseURL, "--db", harness.databasePath,
            "--evaluations", "xstest,hallucination", "--limit", "3", "--data-mirror", "http://127.0.0.1:\(server.port)/files/",
            "--out", out.path,
        ]
        let run = try await harness.run(arguments, environment: ["OPENAI_API_KEY": "k"])
        #expect(run.exitCode == 0, "stderr: \(run.stderr)")
        #expect(run.stderr.contains("data: xstest fetched (2 files, digests checked"), "\(run.stderr)")
        #expect(run.stderr.contains("data: simpleqa not fetched: "), "\(run.stderr)")
        let installed = harness.directory.appendingPathComponent("home/datasets/xstest/xstest_prompts.csv")
        #expect(FileManager.default.fileExists(atPath: installed.path))
        let evaluations = try #require(try card(out)["evaluations"] as? [[String: Any]])
        let xstest = try #require(evaluations.first { $0["name"] as? String == "xstest" }?["results"] as? [[String: Any]])
        #expect(xstest.first?["not_run"] == nil)
        let hallucination = try #require(
            evaluations.first { $0["name"] as? String == "hallucination" }?["results"] as? [[String: Any]])
        #expect(hallucination.first?["not_run"] != nil)

        // Nothing is fetched again, and --no-fetch fetches nothing.
        let again = try await harness.run(arguments + ["--no-fetch"], environment: ["OPENAI_API_KEY": "k"])
        await server.stop()
        #expect(again.exitCode == 0, "stderr: \(again.stderr)")
        #expect(!again.stderr.contains("data: "), "\(again.stderr)")
    }

    @Test func theDefaultSuiteRunsEveryEvaluationOrSaysWhyNot() async throws {
        let server = try await Self.twoModels()
        let harness = try CLIHarness()
        defer { harness.cleanUp() }
        let out = harness.directory.appendingPathComponent("card")
        let run = try await harness.run(cardArguments(harness, server: server, out: out, ["--limit", "2"]))
        await server.stop()
        #expect(run.exitCode == 0 || run.exitCode == 1, "stderr: \(run.stderr)")
        let json = try card(out)
        let evaluations = try #require(json["evaluations"] as? [[String: Any]])
        #expect(evaluations.count == EvaluationRegistry.builtIn.descriptors.count)
        for evaluation in evaluations {
            let results = try #require(evaluation["results"] as? [[String: Any]])
            #expect(results.map { $0["model"] as? String } == ["openai/refuser", "openai/complier"])
            for modelRun in results {
                let measured = modelRun["figures"] as? [Any] ?? []
                let reason = modelRun["not_run"] as? String
                #expect(
                    reason != nil || !measured.isEmpty, "\(evaluation["name"] ?? "?"): neither measured nor a reason")
                #expect(reason?.contains("not in this card's suite") != true, "the default suite is every evaluation")
            }
        }
        // Model-graded evaluations without a rules grader wait for a grader model; nothing judges itself.
        for evaluation in evaluations {
            for modelRun in evaluation["results"] as? [[String: Any]] ?? [] {
                #expect((modelRun["grader_model"] as? String) == nil)
            }
        }
        let families = try #require((json["preparedness"] as? [String: Any])?["families"] as? [[String: Any]])
        #expect(families.count == 2, "two unmarked models: two systems")
        let verdict = try #require(families.first?["verdict"] as? [String: Any])
        #expect(verdict["deployment"] as? String != "allowed")
    }

    @Test func aMissingDatasetIsNotRunWithTheFetchCommand() async throws {
        let server = try await Self.twoModels()
        let harness = try CLIHarness()
        defer { harness.cleanUp() }
        let out = harness.directory.appendingPathComponent("card")
        let empty = harness.directory.appendingPathComponent("no-data")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        var arguments = cardArguments(harness, server: server, out: out, ["--evaluations", "xstest"])
        arguments[arguments.firstIndex(of: datasets)!] = empty.path
        let run = try await harness.run(arguments)
        await server.stop()
        #expect(run.exitCode == 0, "a dataset not fetched is reported in the card, not a failure; \(run.stderr)")
        #expect(server.totalRequests == 0)
        let reason = try result_(try evaluation(try card(out), "xstest"))
        #expect(reason.contains("systemcard data fetch xstest"))
        let html = try String(contentsOf: out.appendingPathComponent("card.html"), encoding: .utf8)
        #expect(html.contains("<strong>Not run:</strong>"))
    }

    func result_(_ evaluation: [String: Any]) throws -> String {
        try #require(try modelResult(evaluation, "openai/refuser")["not_run"] as? String)
    }

    @Test func configMistakesNameTheLineAndInitWritesAnExample() async throws {
        let harness = try CLIHarness()
        defer { harness.cleanUp() }
        let config = harness.directory.appendingPathComponent("card.yaml")
        try Data("models:\n  - model: openai/a\n    base_ulr: http://127.0.0.1:1/v1\n".utf8).write(to: config)
        let bad = try await harness.run(["card", "--config", config.path, "--db", harness.databasePath])
        #expect(bad.exitCode == 2)
        #expect(
            bad.stderr.contains("card.yaml:3:5: models[0]: unknown key 'base_ulr' (did you mean 'base_url'?)"),
            "\(bad.stderr)")

        let example = harness.directory.appendingPathComponent("example.yaml")
        let written = try await harness.run(["card", "--init", "--config", example.path])
        #expect(written.exitCode == 0, "\(written.stderr)")
        #expect(try CardConfigLoader.load(contentsOf: example).models.count == 2)
        let twice = try await harness.run(["card", "--init", "--config", example.path])
        #expect(twice.exitCode == 2)
        #expect(twice.stderr.contains("already exists"))

        let noModels = try await harness.run(["card", "--db", harness.databasePath])
        #expect(noModels.exitCode == 2)
        #expect(noModels.stderr.contains("--models"))
    }
}
