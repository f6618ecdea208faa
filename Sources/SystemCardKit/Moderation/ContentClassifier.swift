/// The prompt formats ``ContentClassifier`` speaks.
public enum ModerationFormat: String, Sendable, CaseIterable, Codable {
    /// SystemCard's pinned prompt (``ModerationPrompt``), for any chat model.
    case systemcard
    /// Llama Guard 3 on an endpoint that applies its chat template.
    case llamaGuard3 = "llama-guard-3"
    /// Llama Guard 4 on an endpoint that applies its chat template.
    case llamaGuard4 = "llama-guard-4"
    /// ShieldGemma: one Yes/No question per harm policy.
    case shieldGemma = "shieldgemma"

    /// The version of the prompt and of the answer's reading; part of every verdict's identity.
    public var version: String {
        switch self {
        case .systemcard: ModerationPrompt.version
        case .llamaGuard3, .llamaGuard4: "llama-guard-reading-v1"
        case .shieldGemma: ShieldGemmaFormat.version
        }
    }
}

/// Classifies requests and responses into SystemCard's harm categories with a chat model, in one of the
/// ``ModerationFormat``s: `systemcard moderate`, the jailbreak arena and automated attackers (an attack
/// succeeds only when the classifier flags the answer), and the `input-filter` / `output-filter` mitigations.
///
/// An answer the format cannot read is a ``GradingError``: never a verdict.
public struct ContentClassifier: Sendable {
    /// The prompt format.
    public let format: ModerationFormat
    /// ShieldGemma's principles in the user's wording; nil: SystemCard's.
    public let guidelines: ShieldGemmaGuidelines?

    /// Creates a classifier speaking `format` (with `guidelines` for ShieldGemma, when given).
    public init(format: ModerationFormat = .systemcard, guidelines: ShieldGemmaGuidelines? = nil) {
        self.format = format
        self.guidelines = format == .shieldGemma ? guidelines : nil
    }

    /// `systemcard@systemcard-moderation-v1` (with `+guidelines-<digest>` for the user's ShieldGemma wording):
    /// recorded with every verdict and in run ids.
    public var identity: String {
        "\(format.rawValue)@\(format.version)" + (guidelines.map { "+guidelines-\($0.digest)" } ?? "")
    }

    /// Classifies `item` (its response when it has one, else its prompt) with `model` at temperature 0.
    public func classify(_ item: ModerationItem, using model: any ModelRole) async throws -> ModerationVerdict {
        switch format {
        case .systemcard:
            let reply = try await model.generate(
                ModerationPrompt.messages(for: item), settings: GenerationSettings(temperature: 0, maxTokens: 200))
            return try ModerationPrompt.verdict(from: reply.text)
        case .llamaGuard3, .llamaGuard4:
            let reply = try await model.generate(LlamaGuardFormat.messages(for: item), settings: LlamaGuardFormat.settings)
            return try LlamaGuardFormat.verdict(from: reply.text)
        case .shieldGemma:
            var answers: [(ShieldGemmaFormat.Policy, String)] = []
            for policy in ShieldGemmaFormat.Policy.allCases {
                let reply = try await model.generate(
                    ShieldGemmaFormat.messages(for: item),
                    settings: ShieldGemmaFormat.settings(for: item, policy: policy, guidelines: guidelines))
                answers.append((policy, reply.text))
            }
            return try ShieldGemmaFormat.verdict(from: answers)
        }
    }
}
