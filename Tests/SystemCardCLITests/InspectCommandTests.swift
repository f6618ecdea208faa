import Foundation
@testable import SystemCardKit
import SystemCardTestSupport
import Testing

/// `runs`, `show`, `list`, `validate` and `data fetch` end to end.
@Suite(.enabled(if: CLIHarness.hasSharedDatasets, "needs ../shared/datasets (XSTest); skipped when absent"))
struct InspectCommandTests {
    let datasets = CLIHarness.sharedDatasets?.path ?? ""

    @Test func showEscapesHostileModelOutputAndListsFailures() async throws {
        let hostile = "\u{1B}]0;pwned\u{07}\u{1B}[2J\u{1B}[31mgotcha\u{202E}txt.exe"
        let server = try await FakeChatServer.start { request in
            request.prompt.contains("Python") ? .answer("I'm sorry, I can't. " + hostile) : .answer(hostile + " Here is how.")
        }
        let harness = try CLIHarness()
        defer { harness.cleanUp() }
        let run = try await harness.run(
            ["eval", "xstest", "--model", "openai/fake", "--base-url", server.baseURL, "--db", harness.databasePath,
             "--data-dir", datasets, "--grader", "rules", "--limit", "5", "--output", "json", "--quiet"])
        await server.stop()
        #expect(run.exitCode == 0, "stderr: \(run.stderr)")
        let runID = try #require(try run.json()["run_id"] as? String)

        let runs = try await harness.run(["runs", "--db", harness.databasePath])
        #expect(runs.exitCode == 0)
        #expect(runs.stdout.contains(runID))
        #expect(runs.stdout.contains("5/5"))

        let show = try await harness.run(["show", String(runID.prefix(12)), "--db", harness.databasePath, "--width", "0"])
        #expect(show.exitCode == 0, "stderr: \(show.stderr)")
        #expect(!show.stdout.unicodeScalars.contains("\u{1B}"), "raw escape sequences reached the terminal")
        #expect(!show.stdout.unicodeScalars.contains("\u{202E}"))
        #expect(show.stdout.contains("\\u{1b}]0;pwned"))
        #expect(show.stdout.contains("not_overrefuse"))

        let failures = try await harness.run(["show", runID, "--failures", "--db", harness.databasePath])
        #expect(failures.stdout.contains("failures (1)"))
        #expect(failures.stdout.contains("kill a Python process"))

        let missing = try await harness.run(["show", "nope", "--db", harness.databasePath])
        #expect(missing.exitCode == 2)
        #expect(missing.stderr.contains("systemcard runs"))
    }

    @Test func validateReportsAgreementWithHumanLabels() async throws {
        let harness = try CLIHarness()
        defer { harness.cleanUp() }
        // The paper's string match (the reference, and the default) and our rules, each against the 450 human labels.
        var agreement: [String: Double] = [:]
        for grading in ["reference", "systemcard"] {
            let result = try await harness.run(
                ["validate", "xstest-grader", "--grader", "rules", "--grading", grading, "--data-dir", datasets, "--output", "json"])
            #expect(result.exitCode == 0, "stderr: \(result.stderr)")
            let json = try result.json()
            let binary = try #require(json["complianceVsRefusal"] as? [String: Any])
            #expect((binary["n"] as? Int) == 450)
            agreement[grading] = binary["agreement"] as? Double
            if grading == "systemcard" { #expect(((binary["kappa"] as? Double) ?? 0) >= 0.40) }
        }
        #expect(abs((agreement["reference"] ?? 0) - 0.860) < 0.0005, "the paper's string match: \(agreement)")
        #expect(abs((agreement["systemcard"] ?? 0) - 0.876) < 0.0005, "our rules: \(agreement)")
        let table = try await harness.run(["validate", "xstest-grader", "--data-dir", datasets])
        #expect(table.stdout.contains("xstest-paper-strmatch-v1"), "\(table.stdout)")
    }

    @Test func listNamesTheEvaluations() async throws {
        let harness = try CLIHarness()
        defer { harness.cleanUp() }
        let result = try await harness.run(["list"])
        #expect(result.exitCode == 0)
        #expect(result.stdout.contains("xstest"))
    }

    @Test func dataFetchChecksThePinnedDigest() async throws {
        let source = try #require(CLIHarness.sharedDatasets)
        var files: [String: Data] = [:]
        for path in ["xstest/xstest_prompts.csv", "xstest/xstest_v2_completions_mistralinstruct.csv"] {
            files["good/" + path] = try Data(contentsOf: source.appendingPathComponent(path))
            files["bad/" + path] = Data("id,prompt\n1,tampered\n".utf8)
        }
        let server = try await FakeChatServer.start(files: files) { _ in .answer("unused") }
        let harness = try CLIHarness()
        defer { harness.cleanUp() }
        let target = harness.directory.appendingPathComponent("data")
        let mirror = "http://127.0.0.1:\(server.port)/files"

        let tampered = try await harness.run(["data", "fetch", "xstest", "--data-dir", target.path, "--mirror", mirror + "/bad"])
        #expect(tampered.exitCode == 2)
        #expect(tampered.stderr.contains("sha256"))
        #expect(!FileManager.default.fileExists(atPath: target.appendingPathComponent("xstest/xstest_prompts.csv").path))

        let fetched = try await harness.run(["data", "fetch", "xstest", "--data-dir", target.path, "--mirror", mirror + "/good"])
        #expect(fetched.exitCode == 0, "stderr: \(fetched.stderr)")
        let installed = try SHA256Digest.file(target.appendingPathComponent("xstest/xstest_prompts.csv"))
        #expect(installed == "11783fb294ed017473ee53c207d71f2161c7672c8d0b037501e78387f801cb5a")

        let again = try await harness.run(["data", "fetch", "xstest", "--data-dir", target.path, "--mirror", mirror + "/bad"])
        #expect(again.exitCode == 0)
        #expect(again.stdout.contains("present, sha256 ok"))
        await server.stop()

        let bbqFile = target.appendingPathComponent("bbq/data/Age.jsonl")
        try FileManager.default.createDirectory(at: bbqFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("{}\n".utf8).write(to: bbqFile)
        let list = try await harness.run(["data", "list", "--data-dir", target.path])
        let rows = list.stdout.split(separator: "\n").map(String.init)
        #expect(rows.contains { $0.hasPrefix("xstest") && $0.contains("installed") && $0.contains("sha256") })
        #expect(rows.contains { $0.hasPrefix("bbq") && $0.contains("partial 1/11") })
        #expect(rows.contains { $0.hasPrefix("mmmlu") && $0.contains("missing") && $0.contains("sha256 (2 files), revision (12 files)") })
    }
}
