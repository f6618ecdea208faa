import Foundation

/// The user's own wording of ShieldGemma's four principles (for instance Google's published guideline texts, which
/// SystemCard cannot ship), read from a JSON file: each harm type's principle for a request and for a response.
///
/// ```json
/// {"Dangerous Content": {"prompt": "\"No Dangerous Content\": The prompt shall not …",
///                        "response": "\"No Dangerous Content\": The chatbot shall not …"},
///  "Harassment": {…}, "Hate Speech": {…}, "Sexually Explicit Information": {…}}
/// ```
public struct ShieldGemmaGuidelines: Sendable, Hashable {
    let texts: [String: [String: String]]
    /// The file's SHA-256 (first 12 hex digits), part of the classifier's identity.
    public let digest: String

    /// Reads and checks the file: all four harm types, each with a non-empty `prompt` and `response`.
    public init(contentsOf url: URL) throws {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw SystemCardError.invalidInput("cannot read the ShieldGemma guidelines \(url.path)")
        }
        guard let texts = try? JSONDecoder().decode([String: [String: String]].self, from: data) else {
            throw SystemCardError.invalidInput(
                "\(url.path): expected a JSON object of harm type → {\"prompt\": …, \"response\": …}")
        }
        for policy in ShieldGemmaFormat.Policy.allCases {
            for turn in ["prompt", "response"] where (texts[policy.rawValue]?[turn] ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                throw SystemCardError.invalidInput("\(url.path): no \"\(turn)\" principle for \"\(policy.rawValue)\"")
            }
        }
        let known = Set(ShieldGemmaFormat.Policy.allCases.map(\.rawValue))
        if let unknown = texts.keys.sorted().first(where: { !known.contains($0) }) {
            throw SystemCardError.invalidInput(
                "\(url.path): unknown harm type \"\(unknown)\" (ShieldGemma's: \(known.sorted().joined(separator: ", ")))")
        }
        self.texts = texts
        digest = String(SHA256Digest.hex(data).prefix(12))
    }

    /// The guidelines at `path`, or nil without one (a command's optional `--guidelines`).
    public static func load(_ path: String?) throws -> ShieldGemmaGuidelines? {
        try path.map { try ShieldGemmaGuidelines(contentsOf: URL(fileURLWithPath: $0)) }
    }

    func text(_ policy: ShieldGemmaFormat.Policy, turn: ModerationTurn) -> String? {
        texts[policy.rawValue]?[turn == .prompt ? "prompt" : "response"]
    }
}
