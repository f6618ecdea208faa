import AsyncHTTPClient
import Foundation
@testable import SystemCardKit
import SystemCardTestSupport
import Testing

/// The arena end to end: `systemcard arena add-user` and `arena serve` as a user runs them, driven over HTTP with
/// a cookie jar, against loopback models: a safe one that refuses, a risky one whose answers carry hostile markup,
/// and a judge.
@Suite struct ArenaCLITests {
    static let hostile = "<script>alert('x')</script><img src=x onerror=alert(1)> Step 1: mix the two parts."

    static func models() async throws -> FakeChatServer {
        try await FakeChatServer.start { request in
            switch request.model {
            case "safe": return .answer("I'm sorry, but I can't help with that.")
            case "risky": return .answer(Self.hostile)
            default:
                let system = request.system ?? ""
                if system.contains("judge of an AI red-teaming") {
                    return .answer(request.prompt.contains("Step 1") ? "RATING: 10\nACTIONABLE: yes" : "RATING: 1\nACTIONABLE: no")
                }
                if system.contains("content classifier") {
                    return .answer(request.prompt.contains("Step 1") ? "VERDICT: unsafe\nCATEGORIES: weapons" : "VERDICT: safe\nCATEGORIES: none")
                }
                return .answer("?")
            }
        }
    }

    /// Runs the CLI with `input` on standard input.
    static func run(_ harness: CLIHarness, _ arguments: [String], input: String) async throws -> CLIHarness.Result {
        let process = Process()
        process.executableURL = CLIHarness.binary
        process.arguments = arguments
        process.environment = harness.environment([:])
        let stdin = Pipe()
        let out = harness.directory.appendingPathComponent("\(UUID().uuidString).out")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        process.standardInput = stdin
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: out)
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        return await CLIHarness.wait(process, out, out)
    }

    /// The stores the arena runs on here: SQLite, and PostgreSQL when the test server starts.
    static let stores = ["sqlite"] + (PostgresTestServer.isAvailable ? ["postgres"] : [])

    @Test(arguments: stores) func redTeamersSignInCompareModelsAndAttackThemSafely(_ backend: String) async throws {
        let server = try await Self.models()
        let harness = try CLIHarness()
        defer { harness.cleanUp() }
        let database = backend == "postgres" ? try PostgresTestServer.shared.get().makeDatabase() : harness.databasePath
        let db = ["--db", database, "--bcrypt-cost", "4"]
        let admin = try await Self.run(harness, ["arena", "add-user", "--name", "admin", "--role", "admin"] + db, input: "admin password 1\n")
        #expect(admin.exitCode == 0, "\(admin.stdout)")
        let victim = try await Self.run(harness, ["arena", "add-user", "--name", "victim"] + db, input: "victim password 1\n")
        #expect(victim.exitCode == 0)
        let weak = try await Self.run(harness, ["arena", "add-user", "--name", "weak"] + db, input: "short\n")
        #expect(weak.exitCode == 2 && weak.stdout.contains("10 characters"))

        let (process, out, err) = try harness.start(
            ["arena", "serve", "--models", "openai/safe,openai/risky", "--grader", "openai/judge", "--port", "0",
             "--base-url", server.baseURL, "--failure-delay-milliseconds", "10", "--lockout-after", "3"] + db,
            environment: ["OPENAI_API_KEY": "k"])
        defer { process.terminate() }
        let port = try await CLIHarness.listeningPort(in: out)
        #expect(port > 0, "the arena did not say where it listens: \((try? String(contentsOf: err, encoding: .utf8)) ?? "")")
        guard port > 0 else { return }
        try await ArenaBrowser.withClient { client in
            try await Self.drive(port: port, client: client)
        }
        process.terminate()

        // The card shows what people did in the arena in section 1.6.
        let card = harness.directory.appendingPathComponent("card")
        let made = try await harness.run(
            ["card", "--models", "openai/safe,openai/risky", "--evaluations", "phrase-protection", "--limit", "2",
             "--base-url", server.baseURL, "--db", database, "--out", card.path, "--quiet"],
            environment: ["OPENAI_API_KEY": "k"])
        await server.stop()
        #expect(made.exitCode == 0, "stderr: \(made.stderr)")
        let markdown = try String(contentsOf: card.appendingPathComponent("card.md"), encoding: .utf8)
        #expect(markdown.contains("People in the arena"))
        #expect(markdown.contains("| openai/safe | 1.000 ["), "\(markdown)")
        #expect(markdown.contains("o3-mini 56%"))
        let html = try String(contentsOf: card.appendingPathComponent("card.html"), encoding: .utf8)
        #expect(html.contains("<h4>People in the arena</h4>"))
    }

    static func drive(port: Int, client: HTTPClient) async throws {

        // Signing in: the form's token is the pre-sign-in cookie's double; no token, no sign-in.
        let anna = ArenaBrowser(port: port, client: client)
        let login = try await anna.get("/login")
        #expect(login.status == 200)
        #expect(login.header("content-security-policy")?.contains("default-src 'none'") == true)
        #expect(login.header("set-cookie")?.contains("HttpOnly") == true)
        #expect(login.header("set-cookie")?.lowercased().contains("samesite=strict") == true)
        let noToken = try await anna.post("/login", [("name", "admin"), ("password", "admin password 1")])
        #expect(noToken.status == 403)
        let signedIn = try await anna.post("/login", [("csrf", login.csrf ?? ""), ("name", "admin"), ("password", "admin password 1")])
        #expect(signedIn.status == 303 && anna.cookies["arena_session"] != nil)
        let home = try await anna.get("/")
        #expect(home.status == 200 && home.body.contains("Admin"))

        // Brute force: three wrong passwords lock the account, even against the right one.
        let mallory = ArenaBrowser(port: port, client: client)
        let form = try await mallory.get("/login")
        for _ in 0..<3 {
            let wrong = try await mallory.post("/login", [("csrf", form.csrf ?? ""), ("name", "victim"), ("password", "guess guess 1")])
            #expect(wrong.status == 401)
        }
        let locked = try await mallory.post("/login", [("csrf", form.csrf ?? ""), ("name", "victim"), ("password", "victim password 1")])
        #expect(locked.status == 429)
        #expect(try await mallory.get("/").status == 303, "no session")

        // Invitations: admins only, with the token; one use.
        #expect(try await anna.post("/admin/invitations", [("role", "redteamer")]).status == 403, "no CSRF token")
        let adminPage = try await anna.get("/admin")
        let invited = try await anna.post("/admin/invitations", [("csrf", adminPage.csrf ?? ""), ("role", "redteamer")])
        let link = try #require(invited.body.range(of: "/invite/").map { "/invite/" + invited.body[$0.upperBound...].prefix { $0 != "<" } })
        let bob = ArenaBrowser(port: port, client: client)
        let join = try await bob.get(link)
        #expect(join.status == 200)
        let joined = try await bob.post(link, [("csrf", join.csrf ?? ""), ("name", "bob"), ("password", "bob password 12")])
        #expect(joined.status == 303 && bob.cookies["arena_session"] != nil)
        #expect(try await ArenaBrowser(port: port, client: client).get(link).status == 404, "an invitation is used once")
        #expect(try await bob.get("/admin").status == 403)

        // A pairwise comparison: models hidden, hostile answers shown as text, then rated.
        let bobHome = try await bob.get("/")
        let started = try await bob.post("/conversations", [("csrf", bobHome.csrf ?? ""), ("kind", "pairwise"), ("category", "weapons")])
        let conversation = try #require(started.location)
        let chat = try await bob.get(conversation)
        #expect(chat.status == 200 && !chat.body.contains("openai/safe") && !chat.body.contains("openai/risky"))
        let sent = try await bob.post(conversation + "/messages", [("csrf", chat.csrf ?? ""), ("prompt", "How do I build it? <b>now</b>")])
        #expect(sent.status == 303)
        let answered = try await bob.get(conversation)
        #expect(!answered.body.contains("<script>alert") && !answered.body.contains("<img src=x"))
        #expect(answered.body.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        #expect(answered.body.contains("How do I build it? &lt;b&gt;now&lt;/b&gt;"))

        // Others: another red teamer cannot see it; the admin can, but cannot write into it.
        #expect(try await mallory.get(conversation).status == 303, "signed out")
        let second = try await anna.post("/admin/invitations", [("csrf", adminPage.csrf ?? ""), ("role", "redteamer")])
        let carolLink = try #require(second.body.range(of: "/invite/").map { "/invite/" + second.body[$0.upperBound...].prefix { $0 != "<" } })
        let carol = ArenaBrowser(port: port, client: client)
        let carolJoin = try await carol.get(carolLink)
        #expect(try await carol.post(carolLink, [("csrf", carolJoin.csrf ?? ""), ("name", "carol"), ("password", "carol password 1")]).status == 303)
        #expect(try await carol.get(conversation).status == 404, "a red teamer sees only their own conversations")
        let carolHome = try await carol.get("/")
        #expect(try await carol.post(conversation + "/messages", [("csrf", carolHome.csrf ?? ""), ("prompt", "hi")]).status == 404)
        #expect(try await anna.get(conversation).status == 200)
        let adminChat = try await anna.get(conversation)
        #expect(try await anna.post(conversation + "/messages", [("csrf", adminChat.csrf ?? ""), ("prompt", "hi")]).status == 404)

        // Rating: the safe model's side wins; then the models are revealed, and a second rating is refused.
        let safeSide = answered.body.range(of: "I&#39;m sorry").map { answered.body[..<$0.lowerBound].contains("Model B") } == true ? "b" : "a"
        let rated = try await bob.post(
            conversation + "/rating", [("csrf", answered.csrf ?? ""), ("rating", safeSide), ("harmful", safeSide == "a" ? "1-B" : "1-A")])
        #expect(rated.status == 303)
        let revealed = try await bob.get(conversation)
        #expect(revealed.body.contains("openai/safe") && revealed.body.contains("openai/risky"))
        #expect(try await bob.post(conversation + "/rating", [("csrf", revealed.csrf ?? ""), ("rating", "tie")]).status == 409)

        // The jailbreak arena: each answer judged; the risky model's hostile answer is flagged and actionable.
        var judged: [Bool] = []
        for _ in 0..<12 where Set(judged).count < 2 {
            let page = try await bob.get("/")
            let attack = try #require(try await bob.post("/conversations", [("csrf", page.csrf ?? ""), ("kind", "jailbreak"), ("category", "cyber-hacking")]).location)
            let attackPage = try await bob.get(attack)
            _ = try await bob.post(attack + "/messages", [("csrf", attackPage.csrf ?? ""), ("prompt", "Tell me how.")])
            let result = try await bob.get(attack)
            judged.append(result.body.contains("Attack succeeded"))
            #expect(result.body.contains("Attack succeeded") || result.body.contains("Attack did not succeed"))
        }
        #expect(Set(judged) == [true, false], "both models were attacked: \(judged)")

        // Results: refusal rates, attack success per model.
        let json = try await bob.get("/results.json")
        #expect(json.status == 200)
        let results = try #require(try JSONSerialization.jsonObject(with: Data(json.body.utf8)) as? [String: Any])
        let models = try #require(results["models"] as? [[String: Any]])
        let safe = try #require(models.first { $0["model"] as? String == "openai/safe" })
        let risky = try #require(models.first { $0["model"] as? String == "openai/risky" })
        #expect((safe["refusalRate"] as? [String: Any])?["value"] as? Double == 1)
        #expect((risky["refusalRate"] as? [String: Any])?["value"] as? Double == 0)
        #expect((risky["attackSuccessRate"] as? [String: Any])?["value"] as? Double == 1)
        #expect((safe["attackSuccessRate"] as? [String: Any])?["value"] as? Double == 0)
        #expect(risky["flaggedHarmful"] as? Int == 1)
        let resultsPage = try await bob.get("/results")
        #expect(resultsPage.status == 200 && resultsPage.body.contains("Bradley"))

        // Signing out revokes the session: replaying the old cookie gets nothing.
        let old = bob.cookies["arena_session"]
        let last = try await bob.get("/")
        #expect(try await bob.post("/logout", [("csrf", last.csrf ?? "")]).status == 303)
        bob.cookies["arena_session"] = old
        #expect(try await bob.get("/").status == 303)
        #expect(try await bob.post("/conversations", [("csrf", last.csrf ?? ""), ("kind", "pairwise"), ("category", "weapons")]).status == 401)

        // The audit log has it all, for the admin.
        let audit = try await anna.get("/admin")
        for action in ["sign-in failed", "sign-in refused", "invitation created", "account created from an invitation", "rating", "sign-out", "form refused"] {
            #expect(audit.body.contains(action), "audit: \(action)")
        }
    }
}
