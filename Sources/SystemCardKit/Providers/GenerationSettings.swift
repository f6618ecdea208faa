/// Sampling settings sent with every request of a run. `nil` means "the endpoint's default" and is not
/// sent at all.
public struct GenerationSettings: Sendable, Hashable, Codable {
    /// Sampling temperature.
    public var temperature: Double?
    /// The most tokens an answer may have.
    public var maxTokens: Int?
    /// Sampling seed, for endpoints that honour one.
    public var seed: Int?
    /// Passed through as `reasoning_effort` when set (`low`, `medium`, `high`).
    public var reasoningEffort: String?
    /// Passed through as `chat_template_kwargs` (vLLM and compatible servers): arguments of the model's own chat
    /// template, such as ShieldGemma's `guideline`. Other providers ignore them.
    public var chatTemplateArguments: [String: JSONValue]?
    /// Asks for the log-probabilities of the answer's first token's `topLogprobs` most likely alternatives
    /// (``ModelResponse/firstTokenLogprobs``), where the endpoint gives them: OpenAI-compatible endpoints
    /// (`logprobs`, `top_logprobs`) and the embedded model.
    public var topLogprobs: Int?

    /// Creates settings; a setting left nil is not sent.
    public init(
        temperature: Double? = nil, maxTokens: Int? = nil, seed: Int? = nil, reasoningEffort: String? = nil,
        chatTemplateArguments: [String: JSONValue]? = nil
    ) {
        self.temperature = temperature
        self.maxTokens = maxTokens
        self.seed = seed
        self.reasoningEffort = reasoningEffort
        self.chatTemplateArguments = chatTemplateArguments
    }
}
