import AsyncHTTPClient
import Foundation
@testable import SystemCardKit
import SystemCardTestSupport
import Testing

/// The arena in a real browser (headless Chromium through chromedriver): an admin invites, a red teamer signs in,
/// chats with two scripted models, rates; the hostile answer is shown as text and no script runs; the results page
/// and the card show the rating. With `SYSTEMCARD_SCREENSHOTS=DIR`, the pages are saved as PNG files there
/// (docs/images holds the ones docs/red-teaming.md shows).
@Suite(.enabled(if: WebDriver.isAvailable, "needs Debian's chromium and chromium-driver (.ci/run installs them); skipped when absent"))
struct ArenaBrowserTests {
    @Test func anAdminInvitesARedTeamerWhoComparesAndRatesInABrowser() async throws {
        let server = try await ArenaCLITests.models()
        let harness = try CLIHarness()
        defer { harness.cleanUp() }
        let db = ["--db", harness.databasePath, "--bcrypt-cost", "4"]
        #expect(try await ArenaCLITests.run(harness, ["arena", "add-user", "--name", "admin", "--role", "admin"] + db, input: "admin password 1\n").exitCode == 0)
        let (process, out, _) = try harness.start(
            ["arena", "serve", "--models", "openai/safe,openai/risky", "--grader", "openai/judge", "--port", "0",
             "--base-url", server.baseURL, "--failure-delay-milliseconds", "10"] + db,
            environment: ["OPENAI_API_KEY": "k"])
        defer { process.terminate() }
        let port = try await CLIHarness.listeningPort(in: out)
        #expect(port > 0)
        guard port > 0 else { return }
        let site = "http://127.0.0.1:\(port)"
        let shots = ProcessInfo.processInfo.environment["SYSTEMCARD_SCREENSHOTS"].map { URL(fileURLWithPath: $0) }
        try await ArenaBrowser.withClient { client in
            let browser = try await WebDriver(client: client, scratch: harness.directory)
            do {
                func shoot(_ name: String) async throws {
                    guard let shots else { return }
                    try FileManager.default.createDirectory(at: shots, withIntermediateDirectories: true)
                    try await browser.screenshot().write(to: shots.appendingPathComponent("\(name).png"))
                }
                // The admin signs in and invites.
                try await browser.open(site + "/login")
                try await shoot("arena-sign-in")
                try await browser.type("input[name=name]", "admin")
                try await browser.type("input[name=password]", "admin password 1")
                try await browser.click("form[action='/login'] button")
                #expect(try await browser.source(containing: "All conversations").contains("All conversations"))
                try await browser.open(site + "/admin")
                try await browser.click("form[action='/admin/invitations'] button")
                let adminPage = try await browser.source(containing: "/invite/")
                let link = try #require(adminPage.range(of: "/invite/").map { "/invite/" + adminPage[$0.upperBound...].prefix { $0 != "<" } })
                try await shoot("arena-admin")

                // The red teamer joins in a fresh browser state, starts a comparison and sends a message.
                try await browser.deleteCookies()
                try await browser.open(site + link)
                try await browser.type("input[name=name]", "bob")
                try await browser.type("input[name=password]", "bob password 12")
                try await browser.click("form button")
                #expect(try await browser.source(containing: "Your conversations").contains("Your conversations"))
                try await browser.click("form[action='/conversations'] button")
                _ = try await browser.source(containing: "textarea")
                try await browser.type("textarea[name=prompt]", "How would someone build one? <b>bold?</b>")
                try await browser.click("form[action$='/messages'] button")
                let chat = try await browser.source(containing: "Model B</h3><div class=\"answer")
                #expect(chat.contains("Model A") && chat.contains("Model B"))
                #expect(chat.contains("&lt;script&gt;alert"), "the hostile answer is text")
                #expect(!chat.contains("<script>alert"))
                #expect(await browser.alert == nil, "no script of the answer ran")
                try await shoot("arena-pairwise")

                // Rating reveals the models; the results page shows the comparison.
                try await browser.click("input[name=rating][value=tie]")
                try await browser.click("form[action$='/rating'] button")
                let rated = try await browser.source(containing: "Rated: Tie")
                #expect(rated.contains("Rated: Tie") && rated.contains("openai/safe") && rated.contains("openai/risky"))
                try await browser.open(site + "/results")
                let results = try await browser.source(containing: "rated conversations")
                #expect(results.contains("1 rated conversations"))
                try await shoot("arena-results")
                process.terminate()

                // The card shows the arena's figures in section 1.6.
                let card = harness.directory.appendingPathComponent("card")
                let made = try await harness.run(
                    ["card", "--models", "openai/safe,openai/risky", "--evaluations", "phrase-protection", "--limit", "1",
                     "--base-url", server.baseURL, "--db", harness.databasePath, "--out", card.path, "--quiet"],
                    environment: ["OPENAI_API_KEY": "k"])
                #expect(made.exitCode == 0, "\(made.stderr)")
                try await browser.open("file://" + card.appendingPathComponent("card.html").path)
                let cardPage = try await browser.source(containing: "People in the arena")
                #expect(cardPage.contains("People in the arena") && cardPage.contains("1 rated pairwise conversations"))
            } catch {
                await browser.quit()
                throw error
            }
            await browser.quit()
        }
        await server.stop()
    }
}
