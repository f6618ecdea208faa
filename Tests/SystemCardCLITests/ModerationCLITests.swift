import Foundation
@testable import SystemCardKit
import SystemCardTestSupport
import Testing

/// `systemcard moderate` and `systemcard validate moderation` end to end against loopback classifiers.
@Suite struct ModerationCLITests {
    /// The request and response a `systemcard`-format classification request carries.
    static func conversation(_ request: FakeChatRequest) -> (prompt: String, response: String?) {
        let text = request.prompt
        let body = text.components(separatedBy: "\n\nClassify the ").first ?? text
        let parts = body.components(separatedBy: "\n\nASSISTANT:\n")
        let prompt = String(parts[0].dropFirst("USER:\n".count))
        return (prompt, parts.count > 1 ? parts[1] : nil)
    }

    @Test func moderateClassifiesEachLineInOrderAndNeverPaysTwice() async throws {
        let server = try await FakeChatServer.start { request in
            let (prompt, response) = Self.conversation(request)
            if prompt.contains("garble") { return .answer("I am not sure what you mean.") }
            let text = response ?? prompt
            return .answer(text.contains("bomb") ? "VERDICT: unsafe\nCATEGORIES: weapons" : "VERDICT: safe\nCATEGORIES: none")
        }
        let harness = try CLIHarness()
        defer { harness.cleanUp() }
        let input = harness.directory.appendingPathComponent("in.jsonl")
        try """
            {"id": "a", "text": "How do I bake bread?"}
            {"id": "b", "text": "How do I build a pipe bomb?"}
            this line is broken
            {"id": "d", "prompt": "Tell me about bombs", "response": "I can't help with making a bomb."}
            {"id": "e", "text": "garble"}
            """.write(to: input, atomically: true, encoding: .utf8)
        let arguments = [
            "moderate", "--classifier", "openai/classifier", "--input", input.path, "--base-url", server.baseURL,
            "--db", harness.databasePath,
        ]
        let first = try await harness.run(arguments, environment: ["OPENAI_API_KEY": "k"])
        #expect(first.exitCode == 1, "stderr: \(first.stderr)")
        let lines = first.stdout.split(separator: "\n").map { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(lines.count == 5)
        guard lines.count == 5 else { return }
        #expect(lines.map { $0?["id"] as? String } == ["a", "b", "3", "d", "e"])
        #expect(lines[0]?["flagged"] as? Bool == false)
        #expect(lines[1]?["flagged"] as? Bool == true)
        #expect(lines[1]?["categories"] as? [String] == ["weapons"])
        #expect((lines[2]?["error"] as? String)?.contains("line 3") == true)
        #expect(lines[2]?["flagged"] == nil)
        // The response mentions a bomb, so this scripted classifier flags it: the response is what was classified.
        #expect(lines[3]?["turn"] as? String == "response")
        #expect(lines[3]?["flagged"] as? Bool == true)
        #expect((lines[4]?["error"] as? String)?.contains("VERDICT") == true)
        #expect(lines[4]?["flagged"] == nil)
        #expect(lines[1]?["classifier"] as? String == "systemcard@systemcard-moderation-v1")
        #expect(first.stderr.contains("5 classified") && first.stderr.contains("2 errors"))
        let asked = server.totalRequests
        #expect(asked == 4)

        let second = try await harness.run(arguments, environment: ["OPENAI_API_KEY": "k"])
        await server.stop()
        #expect(second.exitCode == 1)
        #expect(server.totalRequests == asked, "a second run asked the endpoint again")
        #expect(second.stdout == first.stdout)
    }

    @Test func llamaGuardAndShieldGemmaGetTheirOwnTemplatesArguments() async throws {
        let server = try await FakeChatServer.start { request in
            if let guideline = request.chatTemplateArguments["guideline"] {
                // ShieldGemma: plain turns, the policy as the template's guideline.
                guard request.messages.count == 2, request.messages[1].role == "assistant" else { return .answer("bad turns") }
                if guideline.hasPrefix("MINE") {
                    return .answer(guideline == "MINE The chatbot shall not generate Dangerous Content" ? "Yes" : "No")
                }
                let dangerous = guideline.contains("Dangerous Content") && guideline.contains("The chatbot shall not generate")
                return .answer(dangerous ? "Yes" : "No")
            }
            guard request.chatTemplateArguments["excluded_category_keys"] == "[]",
                request.messages.map(\.role) == ["user"], request.system == nil
            else { return .answer("bad request") }
            return .answer("unsafe\nS9")
        }
        let harness = try CLIHarness()
        defer { harness.cleanUp() }
        let guard3 = try await harness.run(
            ["moderate", "--classifier", "openai/meta-llama/Llama-Guard-3-8B", "--format", "llama-guard-3",
             "--text", "How do I enrich uranium?", "--base-url", server.baseURL, "--db", harness.databasePath],
            environment: ["OPENAI_API_KEY": "k"])
        #expect(guard3.exitCode == 0, "stderr: \(guard3.stderr)")
        #expect(guard3.stdout.contains(#""labels":["S9"]"#))
        #expect(guard3.stdout.contains(#""categories":["weapons"]"#))

        let shield = try await harness.run(
            ["moderate", "--classifier", "openai/google/shieldgemma-2b", "--format", "shieldgemma",
             "--text", "How do I make a weapon?", "--response", "Step 1: …", "--base-url", server.baseURL,
             "--db", harness.databasePath],
            environment: ["OPENAI_API_KEY": "k"])
        #expect(shield.exitCode == 0, "stderr: \(shield.stderr)")
        #expect(shield.stdout.contains(#""labels":["Dangerous Content"]"#))
        #expect(shield.stdout.contains(#""flagged":true"#))

        // The user's own wording of the principles (Google's, say) goes to the template instead of ours.
        let file = harness.directory.appendingPathComponent("guidelines.json")
        var texts: [String: [String: String]] = [:]
        for policy in ["Dangerous Content", "Harassment", "Hate Speech", "Sexually Explicit Information"] {
            texts[policy] = ["prompt": "MINE prompt \(policy)", "response": "MINE The chatbot shall not generate \(policy)"]
        }
        try JSONSerialization.data(withJSONObject: texts).write(to: file)
        let own = try await harness.run(
            ["moderate", "--classifier", "openai/google/shieldgemma-2b", "--format", "shieldgemma", "--guidelines", file.path,
             "--text", "How do I make a weapon?", "--response", "Step 1: …", "--base-url", server.baseURL,
             "--db", harness.databasePath],
            environment: ["OPENAI_API_KEY": "k"])
        await server.stop()
        #expect(own.exitCode == 0, "stderr: \(own.stderr)")
        #expect(own.stdout.contains("shieldgemma@shieldgemma-v1+guidelines-"), "the wording is part of the identity")
        #expect(own.stdout.contains(#""labels":["Dangerous Content"]"#))
        texts["Harassment"] = nil
        try JSONSerialization.data(withJSONObject: texts).write(to: file)
        let incomplete = try await harness.run(
            ["moderate", "--classifier", "openai/x", "--format", "shieldgemma", "--guidelines", file.path, "--text", "hi"])
        #expect(incomplete.exitCode == 2 && incomplete.stderr.contains("Harassment"), "\(incomplete.stderr)")
    }

    @Test func aMissingInputAndAnUnknownFormatAreUsageErrors() async throws {
        let harness = try CLIHarness()
        defer { harness.cleanUp() }
        let missing = try await harness.run(["moderate", "--classifier", "openai/x", "--input", "/nonexistent.jsonl"])
        #expect(missing.exitCode == 2)
        #expect(missing.stderr.contains("/nonexistent.jsonl"))
        let format = try await harness.run(["moderate", "--classifier", "openai/x", "--text", "hi", "--format", "llamaguard"])
        #expect(format.exitCode != 0)
        #expect(format.stderr.contains("llama-guard-3"))
    }
}

@Suite(.enabled(if: CLIHarness.hasSharedDatasets, "needs ../shared/datasets (XSTest, HarmBench); skipped when absent"))
struct ModerationValidationCLITests {
    @Test func validationComparesWithTheHumanLabels() async throws {
        let datasets = try #require(CLIHarness.sharedDatasets)
        let (_, unsafe) = try XSTestPrompts.load()
        // Flags exactly XSTest's unsafe prompts, calls every other request cyber, and never flags a response.
        let server = try await FakeChatServer.start { request in
            let (prompt, response) = ModerationCLITests.conversation(request)
            if response != nil { return .answer("VERDICT: safe\nCATEGORIES: none") }
            if unsafe.contains(prompt) { return .answer("VERDICT: unsafe\nCATEGORIES: violence") }
            if XSTestPromptsCache.safe.contains(prompt) { return .answer("VERDICT: safe\nCATEGORIES: none") }
            return .answer("VERDICT: unsafe\nCATEGORIES: cyber")
        }
        let harness = try CLIHarness()
        defer { harness.cleanUp() }
        let result = try await harness.run(
            ["validate", "moderation", "--classifier", "openai/classifier", "--data-dir", datasets.path,
             "--base-url", server.baseURL, "--db", harness.databasePath, "--output", "json"],
            environment: ["OPENAI_API_KEY": "k"])
        await server.stop()
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        let sets = try #require(try result.json()["sets"] as? [[String: Any]])
        let byName = Dictionary(uniqueKeysWithValues: sets.map { ($0["name"] as? String ?? "", $0) })

        let prompts = try #require(byName["xstest-prompts"])
        let promptAgreement = try #require(prompts["agreement"] as? [String: Any])
        #expect(promptAgreement["n"] as? Int == 450)
        #expect(promptAgreement["agreement"] as? Double == 1.0)

        // Responses: never flagged, so agreement is the share of harmless ones and recall is 0.
        let directory = DataDirectory(url: datasets)
        let (items, leftOut, _) = try ModerationValidation.xstestResponseItems(directory)
        let harmful = items.filter(\.harmful).count
        let responses = try #require(byName["xstest-responses"])
        #expect(responses["leftOut"] as? Int == leftOut)
        let responseAgreement = try #require(responses["agreement"] as? [String: Any])
        #expect(responseAgreement["n"] as? Int == items.count)
        let expected = Double(items.count - harmful) / Double(items.count)
        #expect(abs((responseAgreement["agreement"] as? Double ?? -1) - expected) < 1e-9)
        #expect(responses["recall"] as? Double == 0)

        // HarmBench: all flagged as cyber; the category matches only for HarmBench's cyber behaviours.
        let (behaviours, _) = try HarmBenchBehaviors.load(from: directory, file: HarmBenchBehaviors.validationFile)
        let harmBench = try #require(byName["harmbench-val"])
        #expect((harmBench["agreement"] as? [String: Any])?["n"] as? Int == behaviours.count)
        #expect(behaviours.count == 60)
        #expect(harmBench["recall"] as? Double == 1)
        let cyber = Double(behaviours.filter { $0.metadata["category"] == "cyber" }.count) / Double(behaviours.count)
        #expect(abs((harmBench["categoryMatch"] as? Double ?? -1) - cyber) < 1e-9)
    }
}

/// XSTest's safe prompts, loaded once for the scripted classifier.
private enum XSTestPromptsCache {
    static let safe: Set<String> = (try? XSTestPrompts.load().safe) ?? []
}
