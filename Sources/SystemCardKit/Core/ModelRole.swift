/// A model in a role (the evaluated model, the grader, a conversation partner) as solvers and graders see
/// it: send messages, get the answer.
///
/// During a run the runner hands out roles that go through the call cache, the retry layer and the
/// sample's cost ledger; a test can implement the protocol directly:
///
/// ```swift
/// struct Echo: ModelRole {
///     var name = "model"
///     var identity = ModelIdentity(provider: "test", model: "echo", baseURL: "", developerRoleMode: .native)
///     var settings = GenerationSettings()
///     func generate(
///         _ messages: [ChatMessage], tools: [ToolDefinition], toolChoice: ToolChoice?, settings: GenerationSettings?
///     ) async throws -> ModelResponse {
///         ModelResponse(text: messages.last?.content ?? "", usage: TokenUsage())
///     }
/// }
/// ```
public protocol ModelRole: Sendable {
    /// The role's name: `model`, `grader`, or an evaluation's named role such as `mark`.
    var name: String { get }
    /// The model behind the role.
    var identity: ModelIdentity { get }
    /// The run's sampling settings for this role (a call may replace them).
    var settings: GenerationSettings { get }
    /// Sends the conversation, with the tools the model may call, and returns the model's answer (its text and
    /// tool calls); `settings` replaces the run's sampling settings.
    func generate(
        _ messages: [ChatMessage], tools: [ToolDefinition], toolChoice: ToolChoice?, settings: GenerationSettings?
    ) async throws -> ModelResponse
}

extension ModelRole {
    /// Sends the conversation, without tools, with the run's sampling settings.
    public func generate(_ messages: [ChatMessage]) async throws -> ModelResponse {
        try await generate(messages, tools: [], toolChoice: nil, settings: nil)
    }

    /// Sends the conversation, without tools, with `settings` instead of the run's.
    public func generate(_ messages: [ChatMessage], settings: GenerationSettings?) async throws -> ModelResponse {
        try await generate(messages, tools: [], toolChoice: nil, settings: settings)
    }
}
