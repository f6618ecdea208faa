import AsyncHTTPClient
import Foundation
@testable import SystemCardKit
import SystemCardTestSupport
import Testing

/// `systemcard view` end to end: the runs of a store, one run's samples with filters, a transcript with hostile
/// text shown as text, and two runs side by side with the samples whose result changed.
@Suite(.enabled(if: CLIHarness.hasSharedDatasets, "needs ../shared/datasets (XSTest); skipped when absent"))
struct ViewCommandTests {
    /// The stores the viewer reads here: SQLite, and PostgreSQL when the test server starts.
    static let stores = ["sqlite"] + (PostgresTestServer.isAvailable ? ["postgres"] : [])

    @Test(arguments: stores) func theViewerShowsRunsSamplesTranscriptsAndChanges(_ backend: String) async throws {
        let server = try await FakeChatServer.start { request in
            request.model == "a"
                ? .answer("Sure! <script>alert(1)</script><img src=x onerror=alert(2)> Here is how: step one.")
                : .answer(XSTestPrompts.refusal)
        }
        let harness = try CLIHarness()
        defer { harness.cleanUp() }
        let database = backend == "postgres" ? try PostgresTestServer.shared.get().makeDatabase() : harness.databasePath
        func eval(_ model: String) async throws -> String {
            let result = try await harness.run([
                "eval", "xstest", "--model", "openai/\(model)", "--base-url", server.baseURL, "--db", database,
                "--data-dir", CLIHarness.sharedDatasets!.path, "--limit", "8", "--seed", "1", "--quiet", "--output", "json",
            ])
            return try #require(try result.json()["run_id"] as? String)
        }
        let a = try await eval("a")
        let b = try await eval("b")
        let card = harness.directory.appendingPathComponent("card")
        let made = try await harness.run([
            "card", "--models", "openai/a", "--evaluations", "xstest", "--limit", "8", "--base-url", server.baseURL,
            "--db", database, "--data-dir", CLIHarness.sharedDatasets!.path, "--out", card.path, "--quiet",
        ])
        #expect(made.exitCode == 0, "\(made.stderr)")
        await server.stop()
        let html = try String(contentsOf: card.appendingPathComponent("card.html"), encoding: .utf8)
        let example = try #require(html.range(of: "href=\"http://127.0.0.1:8081/runs/").map {
            "/runs/" + html[$0.upperBound...].prefix { $0 != "\"" }
        }, "the card's examples link into the viewer")

        let (process, out, _) = try harness.start(["view", "--port", "0", "--db", database])
        defer { process.terminate() }
        let port = try await CLIHarness.listeningPort(in: out)
        #expect(port > 0)
        guard port > 0 else { return }
        try await ArenaBrowser.withClient { client in
            let browser = ArenaBrowser(port: port, client: client)
            let runs = try await browser.get("/")
            #expect(runs.status == 200 && runs.body.contains(a) && runs.body.contains(b))
            #expect(runs.header("content-security-policy")?.contains("default-src 'none'") == true)
            let run = try await browser.get("/runs/\(a)")
            #expect(run.body.contains("not_overrefuse") && run.body.contains("8 of 8 shown"))
            let failed = try await browser.get("/runs/\(a)?filter=failed")
            #expect(failed.status == 200 && !failed.body.contains("8 of 8 shown"))
            let sampleLink = try #require(run.body.range(of: "/runs/\(a)/samples/").map {
                "/runs/\(a)/samples/" + run.body[$0.upperBound...].prefix { $0 != "\"" }
            })
            let sample = try await browser.get(sampleLink)
            #expect(sample.status == 200)
            #expect(!sample.body.contains("<script>alert") && !sample.body.contains("<img src=x"))
            #expect(sample.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            let compare = try await browser.get("/compare?a=\(a)&b=\(b)")
            #expect(compare.status == 200)
            #expect(compare.body.range(of: #"changed \([1-9]"#, options: .regularExpression) != nil, "\(compare.body)")
            let linked = try await browser.get(example)
            #expect(linked.status == 200 && linked.body.contains("Sample <code>"), "the card's link opens the sample")
            #expect(try await browser.get("/runs/nope").status == 404)
            #expect(try await browser.post("/", [("x", "y")]).status >= 400, "read-only")
        }
    }
}
