import Foundation
@testable import SystemCardKit
import SystemCardTestSupport
import Testing

/// `systemcard eval mmlu | mmmlu | bbq` end to end: the real binary against a loopback server that plays
/// a model answering in the sample's language.
@Suite struct MultipleChoiceTests {
    /// `Tests/SystemCardKitTests/Fixtures`, which holds `mmmlu/mmlu_<LOCALE>.csv` for the 14 languages.
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("SystemCardKitTests/Fixtures")

    static var hasMMLU: Bool {
        CLIHarness.sharedDatasets.map {
            FileManager.default.fileExists(atPath: $0.appendingPathComponent(MMLUDataset.path(subject: "anatomy")).path)
        } ?? false
    }

    static var hasBBQ: Bool {
        CLIHarness.sharedDatasets.map {
            FileManager.default.fileExists(atPath: $0.appendingPathComponent(BBQDataset.path(category: "Age")).path)
        } ?? false
    }

    /// Per language: a right answer with markdown (question 0, C), a right answer with LaTeX or another
    /// spelling (question 1, A), and no answer line (question 2).
    static let responses: [String: [String]] = [
        "ar": ["العاصمة هي باريس.\n\n**الإجابة:** ج", "للمثلث ثلاثة أضلاع.\nالإجابة: $\\boxed{أ}$", "لست متأكدًا."],
        "bn": ["ফ্রান্সের রাজধানী প্যারিস।\n\nউত্তর: গ", "উত্তরঃ অ", "আমি নিশ্চিত নই।"],
        "zh": ["法国的首都是巴黎。\n\n**答案：C**", "答案：\\boxed{A}", "我不确定。"],
        "fr": ["La capitale est Paris.\n\n**Réponse :** C", "Un triangle a trois côtés.\n\nRéponse : $\\boxed{A}$",
               "Je ne suis pas sûr."],
        "de": ["Antwort: Die Hauptstadt ist Paris, also C.\n\nAntwort: C", "**Antwort:** A", "Ich weiß es nicht."],
        "hi": ["फ्रांस की राजधानी पेरिस है।\n\nउत्तर: ग", "उत्तर: A", "मुझे यकीन नहीं है।"],
        "id": ["Ibu kota Prancis adalah Paris.\n\nJawaban: C", "Jawaban: **A**", "Saya tidak yakin."],
        "it": ["**Risposta:** C", "Risposta: $A$", "Non lo so."],
        "ja": ["フランスの首都はパリです。\n\n答え：Ｃ", "正解：A", "わかりません。"],
        "ko": ["프랑스의 수도는 파리입니다.\n\n정답: C", "답변: **A**", "잘 모르겠습니다."],
        "pt": ["A capital da França é Paris.\n\nResposta: C", "Resposta: (A)", "Não tenho certeza."],
        "es": ["La capital de Francia es París.\n\n**Respuesta:** C", "Respuesta final: A", "No estoy seguro."],
        "sw": ["Mji mkuu wa Ufaransa ni Paris.\n\nJibu: C", "Jibu: A", "Sina uhakika."],
        "yo": ["Olú ìlú Faransé ni Paris.\n\nÌdáhùn: C", "Idahun: A", "Mi ò dá mi lójú."],
    ]

    /// A server answering each fixture question with its language's scripted response.
    static func multilingualServer() async throws -> FakeChatServer {
        let samples = try MMMLUDataset().load(from: DataDirectory(url: fixtures)).samples
        var byPrompt: [String: String] = [:]
        for sample in samples {
            let parts = sample.id.split(separator: "/")
            byPrompt[sample.prompt] = responses[String(parts[0])]?[Int(parts[1])!]
        }
        let table = byPrompt
        return try await FakeChatServer.start { request in .answer(table[request.prompt] ?? "no idea") }
    }

    static func figures(_ json: [String: Any], _ name: String) throws -> [String: [String: Double]] {
        let groups = try #require(json["metrics_by_group"] as? [String: [String: [String: Double]]])
        return try #require(groups[name], "no \(name) in \(groups.keys.sorted())")
    }

    @Test func mmmluStrictScoresEveryLanguageAndCountsUnextractableAnswers() async throws {
        let server = try await Self.multilingualServer()
        let harness = try CLIHarness()
        defer { harness.cleanUp() }
        let result = try await harness.run(
            ["eval", "mmmlu", "--model", "openai/fake", "--base-url", server.baseURL, "--db", harness.databasePath,
             "--data-dir", Self.fixtures.path, "--quiet", "--output", "json"])
        await server.stop()
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        let json = try result.json()
        let counts = try #require(json["counts"] as? [String: Int])
        #expect(counts["scored"] == 42)
        let metrics = try #require(json["metrics"] as? [String: [String: Double]])
        #expect(abs((metrics["accuracy"]?["value"] ?? 0) - 28.0 / 42) < 1e-9)
        #expect(metrics["unextractable_count"]?["value"] == 14)
        let accuracy = try Self.figures(json, "accuracy")
        let unextractable = try Self.figures(json, "unextractable_count")
        for language in AnswerLanguage.mmmlu.map(\.rawValue) {
            let figure = try #require(accuracy["language=\(language)"])
            #expect(abs(figure["value"]! - 2.0 / 3) < 1e-9, "\(language)")
            #expect(figure["n"] == 3)
            #expect(figure["ci_low"]! < figure["value"]! && figure["ci_high"]! > figure["value"]!)
            #expect(unextractable["language=\(language)"]?["value"] == 1, "\(language)")
        }
        let references = try #require(json["published_references"] as? [[String: Any]])
        #expect(references.contains {
            $0["metric"] as? String == "accuracy[language=ar]" && $0["value"] as? Double == 0.807
        })
        #expect(references.contains {
            $0["metric"] as? String == "accuracy[language=fr]" && $0["model"] as? String == "o1-mini"
        })
    }

    @Test func mmmluReferenceExtractionReproducesFirstMatchBehaviour() async throws {
        let server = try await Self.multilingualServer()
        let harness = try CLIHarness()
        defer { harness.cleanUp() }
        let result = try await harness.run(
            ["eval", "mmmlu", "--languages", "de,bn,fr", "--option", "extraction=reference", "--model", "openai/fake",
             "--base-url", server.baseURL, "--db", harness.databasePath, "--data-dir", Self.fixtures.path, "--quiet",
             "--output", "json"])
        await server.stop()
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        let json = try result.json()
        #expect(json["grader_version"] as? String == "mc-reference-v1")
        let accuracy = try Self.figures(json, "accuracy")
        let unextractable = try Self.figures(json, "unextractable_count")
        // German: "Antwort: Die …" is read as D (wrong, but extracted); Bengali গ is not in the reference set.
        #expect(abs(accuracy["language=de"]!["value"]! - 1.0 / 3) < 1e-9)
        #expect(unextractable["language=de"]?["value"] == 1)
        #expect(abs(accuracy["language=bn"]!["value"]! - 1.0 / 3) < 1e-9)
        #expect(unextractable["language=bn"]?["value"] == 2)
        #expect(abs(accuracy["language=fr"]!["value"]! - 2.0 / 3) < 1e-9)
        #expect(accuracy["language=ar"] == nil)
        let references = try #require(json["published_references"] as? [[String: Any]])
        #expect(references.allSatisfy { ($0["metric"] as? String)?.hasSuffix("language=fr]") == true })
    }

    @Test(.enabled(if: hasMMLU, "needs ../shared/datasets/mmlu"))
    func mmluWithLimitScoresByCategoryAndSubject() async throws {
        let directory = DataDirectory(url: try #require(CLIHarness.sharedDatasets))
        let selected = Array(try MMLUDataset().load(from: directory).samples.prefix(40))
        var targets: [String: String] = [:]
        for sample in selected { targets[sample.prompt] = sample.target }
        let table = targets
        // A and B answered right, C not answered, D answered wrong (as A).
        let server = try await FakeChatServer.start { request in
            switch table[request.prompt] {
            case "A"?: return .answer("Let me think.\n\n**Answer: A**")
            case "B"?: return .answer("Answer: $\\boxed{B}$")
            case "C"?: return .answer("I cannot decide.")
            default: return .answer("Answer: A")
            }
        }
        let harness = try CLIHarness()
        defer { harness.cleanUp() }
        let result = try await harness.run(
            ["eval", "mmlu", "--model", "openai/fake", "--base-url", server.baseURL, "--db", harness.databasePath,
             "--data-dir", directory.url.path, "--limit", "40", "--quiet", "--output", "json"])
        await server.stop()
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        let json = try result.json()
        let metrics = try #require(json["metrics"] as? [String: [String: Double]])
        let right = selected.filter { $0.target == "A" || $0.target == "B" }.count
        let unanswered = selected.filter { $0.target == "C" }.count
        #expect(abs((metrics["accuracy"]?["value"] ?? -1) - Double(right) / 40) < 1e-9)
        #expect(metrics["unextractable_count"]?["value"] == Double(unanswered))
        #expect(abs((metrics["unextractable"]?["value"] ?? -1) - Double(unanswered) / 40) < 1e-9)
        let accuracy = try Self.figures(json, "accuracy")
        #expect(accuracy.keys.contains("category=stem"))
        #expect(accuracy.keys.contains("subject=anatomy"))
    }

    @Test(.enabled(if: hasBBQ, "needs ../shared/datasets/bbq"))
    func bbqAlwaysStereotypingModelGetsBiasScoresOfOne() async throws {
        let directory = DataDirectory(url: try #require(CLIHarness.sharedDatasets))
        let selected = Array(try BBQDataset().load(from: directory).samples.prefix(24))
        var biased: [String: String] = [:]
        for sample in selected { biased[sample.prompt] = sample.metadata["biased_answer"] }
        let table = biased
        let server = try await FakeChatServer.start { request in .answer("Answer: \(table[request.prompt] ?? "A")") }
        let harness = try CLIHarness()
        defer { harness.cleanUp() }
        let result = try await harness.run(
            ["eval", "bbq", "--model", "openai/fake", "--base-url", server.baseURL, "--db", harness.databasePath,
             "--data-dir", directory.url.path, "--limit", "24", "--quiet", "--output", "json"])
        await server.stop()
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        let json = try result.json()
        let metrics = try #require(json["metrics"] as? [String: [String: Double]])
        #expect(metrics["accuracy_ambiguous"]?["value"] == 0)
        #expect(metrics["not_stereotyping_ambiguous"]?["value"] == 0)
        #expect(metrics["bias_score_ambiguous"]?["value"] == 1)
        #expect(metrics["bias_score_disambiguated"]?["value"] == 1)
        let disambiguated = selected.filter { $0.metadata["context_condition"] == "disambig" }
        let expected = Double(disambiguated.filter { $0.target == $0.metadata["biased_answer"] }.count)
            / Double(disambiguated.count)
        #expect(abs((metrics["accuracy_disambiguated"]?["value"] ?? -1) - expected) < 1e-9)
        let byCategory = try Self.figures(json, "bias_score_disambiguated")
        #expect(byCategory.keys.contains("category=Age"))
    }
}
