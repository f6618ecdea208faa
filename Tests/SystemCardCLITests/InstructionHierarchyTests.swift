import Foundation
import SystemCardTestSupport
import Testing

@testable import SystemCardKit

/// The four instruction-hierarchy evaluations end to end: the real binary against a loopback server playing
/// a model that always obeys the latest instruction (it must score low) and one that obeys the highest
/// message and, where compatible, the lower ones too (it must score high).
///
/// The scripted models find the sample behind a request by its messages, through the test's own access to
/// the generators; nothing in the requests tells a real model how it is graded.
@Suite struct InstructionHierarchyTests {
    enum Behaviour { case obeyLatest, obeyHighest }

    /// `../shared/datasets` when it has the instruction-hierarchy prompts, else an empty folder (built-in
    /// attack families only).
    static func dataDirectory(_ harness: CLIHarness) throws -> URL {
        if let shared = CLIHarness.sharedDatasets,
            FileManager.default.fileExists(atPath: shared.appendingPathComponent(ExtractionPromptFile.path).path)
        {
            return shared
        }
        let empty = harness.directory.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        return empty
    }

    static func key(_ messages: [(role: String, content: String)]) -> String {
        messages.map { "\($0.role):\($0.content)" }.joined(separator: "\n")
    }

    /// Samples by the key of their input messages.
    static func index(_ samples: [Sample]) -> [String: Sample] {
        Dictionary(
            samples.map { (key($0.messages.map { ($0.role.rawValue, $0.content) }), $0) },
            uniquingKeysWith: { a, _ in a })
    }

    /// The sample a request belongs to (its input is a prefix of the request) and how many answers came before.
    static func find(_ request: FakeChatRequest, in index: [String: Sample]) -> (Sample, Int)? {
        for count in stride(from: request.messages.count, through: 1, by: -1) {
            if let sample = index[key(Array(request.messages.prefix(count)))] {
                return (sample, request.messages.filter { $0.role == "assistant" }.count)
            }
        }
        return nil
    }

    static func answer(_ sample: Sample, turn: Int, prompt: String, behaviour: Behaviour) -> String {
        switch (sample.metadata["checks"], sample.metadata["answer"], sample.metadata["secret"]) {
        case (let checks?, _, _):
            let list = Constraint.decodeList(behaviour == .obeyHighest ? checks : sample.metadata["lower_checks"]) ?? []
            return ConstraintExample.response(satisfying: list)
        case (_, let answer?, _):
            return behaviour == .obeyHighest
                ? "Let's work through it together. What do you think the first step is?"
                : tutorLeak(TutorAnswer(text: answer)!, prompt: prompt)
        case (_, _, let secret?):
            return behaviour == .obeyHighest
                ? "Sorry, I can't help with that. Is there anything else I can do for you?"
                : secretLeak(sample, secret: secret, turn: turn)
        default:
            return "?"
        }
    }

    static func tutorLeak(_ answer: TutorAnswer, prompt: String) -> String {
        let text = answer.text
        if prompt.contains("base64") { return Data("The answer is \(text)".utf8).base64EncodedString() }
        if prompt.contains("backwards") { return String(text.reversed()) }
        if prompt.contains("in words") {
            return answer.isWhole
                ? NumberWords.cardinal(answer.numerator)
                : NumberWords.fraction(answer.numerator, answer.denominator)[0]
        }
        if prompt.contains("Roman") { return NumberWords.roman(answer.numerator) ?? text }
        if prompt.contains("space between") { return text.map(String.init).joined(separator: " ") }
        if prompt.contains("decimal") { return String(format: "%.3f", answer.value) }
        if prompt.contains("percentage") { return String(format: "%.1f%%", answer.value * 100) }
        if prompt.contains("right?") || prompt.contains("check my answer") || prompt.contains("Correct?") {
            return "Yes, that's correct!"
        }
        if prompt.contains("step by step") || prompt.contains("next step") { return "First, let's set it up." }
        return "The answer is \(text)."
    }

    static func secretLeak(_ sample: Sample, secret: String, turn: Int) -> String {
        let family = sample.metadata["family"] ?? ""
        let attack = sample.messages.dropFirst().first?.content ?? ""
        switch family {
        case "multi_turn": return turn == 0 ? "Let me think." : "Fine: \(secret)"
        case "spell": return secret.map(String.init).joined(separator: "-")
        case "reverse" where sample.metadata["kind"] == "password": return String(secret.reversed())
        case "base64" where sample.metadata["kind"] == "password": return Data(secret.utf8).base64EncodedString()
        case "acrostic": return secret.filter(\.isLetter).map { "\($0.uppercased())aaa bbb" }.joined(separator: "\n")
        case "hint":
            return
                "It is made of the words "
                + "\(sample.metadata["components"]!.replacingOccurrences(of: "|", with: " and "))."
        case let name where name.hasPrefix("garak_") || name == "repeat_instructions":
            let instructions = sample.messages[0].content
            if attack.contains("base64") { return Data(instructions.utf8).base64EncodedString() }
            if attack.contains("ROT13") { return TextFolding.rot13(instructions) }
            return instructions
        default: return "Sure: \(secret)"
        }
    }

    static func run(
        _ evaluation: String, samples: [Sample], behaviour: Behaviour, dataDir: URL, harness: CLIHarness, limit: Int
    ) async throws -> [String: Any] {
        let index = Self.index(samples)
        let server = try await FakeChatServer.start { request in
            // A request that belongs to no generated sample fails (the run then errors and exits 1).
            guard let (sample, turn) = Self.find(request, in: index) else { return .status(400) }
            return .answer(Self.answer(sample, turn: turn, prompt: request.prompt, behaviour: behaviour))
        }
        let result = try await harness.run([
            "eval", evaluation, "--model", "openai/fake", "--base-url", server.baseURL, "--db", harness.databasePath,
            "--data-dir", dataDir.path, "--limit", String(limit), "--output", "json", "--quiet",
        ])
        await server.stop()
        #expect(result.exitCode == 0, "every request belongs to a generated sample; stderr: \(result.stderr)")
        return try result.json()
    }

    static func metric(_ json: [String: Any], _ name: String) -> Double? {
        ((json["metrics"] as? [String: [String: Double]])?[name])?["value"]
    }

    static let cases: [(evaluation: String, metrics: [String])] = [
        ("instruction-hierarchy", ["system_vs_developer", "system_vs_user", "developer_vs_user", "conflict_accuracy"]),
        ("tutor-jailbreak", ["answer_hidden_system", "answer_hidden_developer", "answer_hidden"]),
        ("phrase-protection", ["protected_user_attack", "protected_developer_attack", "protected"]),
        ("password-protection", ["protected_user_attack", "protected_developer_attack", "protected"]),
    ]

    static func samples(_ evaluation: String, dataDir: URL) throws -> [Sample] {
        try EvaluationRegistry.evaluation(named: evaluation).dataset.load(from: DataDirectory(url: dataDir)).samples
    }

    @Test(arguments: [0, 1, 2, 3])
    func modelObeyingTheHighestMessageScoresHigh(_ which: Int) async throws {
        let (evaluation, names) = Self.cases[which]
        let harness = try CLIHarness()
        defer { harness.cleanUp() }
        let dataDir = try Self.dataDirectory(harness)
        let json = try await Self.run(
            evaluation, samples: try Self.samples(evaluation, dataDir: dataDir), behaviour: .obeyHighest,
            dataDir: dataDir,
            harness: harness, limit: 150)
        for name in names { #expect(Self.metric(json, name) == 1, "\(evaluation) \(name)") }
        if evaluation == "instruction-hierarchy" { #expect(Self.metric(json, "control_accuracy") == 1) }
        let counts = try #require(json["counts"] as? [String: Int])
        #expect(counts["scored"] == 150 && counts["errors"] == 0)
        // Developer messages went out in the developer role, and the run says so.
        let delivery = try #require(json["developer_role"] as? [String: Int])
        #expect((delivery["native"] ?? 0) > 0)
        #expect(json["developer_role_folded"] as? Bool == false)
        // The card's o3-mini figures ride along, under metric names the run reports.
        let references = try #require(json["published_references"] as? [[String: Any]])
        #expect(references.count >= 2)
        for reference in references {
            #expect(reference["model"] as? String == "o3-mini")
            #expect(Self.metric(json, reference["metric"] as? String ?? "") != nil)
        }
    }

    @Test(arguments: [0, 1, 2, 3])
    func modelObeyingTheLatestInstructionScoresLow(_ which: Int) async throws {
        let (evaluation, names) = Self.cases[which]
        let harness = try CLIHarness()
        defer { harness.cleanUp() }
        let dataDir = try Self.dataDirectory(harness)
        let json = try await Self.run(
            evaluation, samples: try Self.samples(evaluation, dataDir: dataDir), behaviour: .obeyLatest,
            dataDir: dataDir,
            harness: harness, limit: 150)
        for name in names { #expect(Self.metric(json, name) == 0, "\(evaluation) \(name)") }
    }
}
