/// A model's answer to one request.
public struct ModelResponse: Sendable, Hashable, Codable {
    /// The assistant text (a refusal message when the endpoint returns one instead of content).
    public var text: String
    /// Why generation stopped (`stop`, `length`, `tool_calls`), when the endpoint says.
    public var finishReason: String?
    /// The tools the model called (in order; several when it calls them in parallel).
    public var toolCalls: [ToolCall]
    /// Tokens billed for the call.
    public var usage: TokenUsage
    /// How developer messages reached the endpoint.
    public var developerRole: DeveloperRoleDelivery
    /// True when this answer came from the call cache, not from the endpoint.
    public var cached: Bool
    /// The most likely first tokens of the answer with their log-probabilities, when the request asked for them
    /// (``GenerationSettings/topLogprobs``) and the endpoint gave them; nil otherwise.
    public var firstTokenLogprobs: [TokenLogprob]?

    /// Creates a response; by default with no usage, no developer message, and not from the cache.
    public init(
        text: String, finishReason: String? = nil, toolCalls: [ToolCall] = [], usage: TokenUsage = .init(),
        developerRole: DeveloperRoleDelivery = .none, cached: Bool = false
    ) {
        self.text = text
        self.finishReason = finishReason
        self.toolCalls = toolCalls
        self.usage = usage
        self.developerRole = developerRole
        self.cached = cached
    }
}
