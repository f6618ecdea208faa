/// Tokens billed for one or more model calls.
public struct TokenUsage: Sendable, Hashable, Codable {
    /// Tokens of the requests (input).
    public var promptTokens: Int
    /// Tokens of the answers (output).
    public var completionTokens: Int

    /// Creates a usage count (zero by default).
    public init(promptTokens: Int = 0, completionTokens: Int = 0) {
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
    }

    /// Prompt and completion tokens together.
    public var totalTokens: Int { promptTokens + completionTokens }

    /// The two usages added field by field.
    public static func + (lhs: TokenUsage, rhs: TokenUsage) -> TokenUsage {
        TokenUsage(
            promptTokens: lhs.promptTokens + rhs.promptTokens,
            completionTokens: lhs.completionTokens + rhs.completionTokens)
    }

    /// Adds `rhs` to `lhs`.
    public static func += (lhs: inout TokenUsage, rhs: TokenUsage) { lhs = lhs + rhs }
}
