/// A safety measure wrapped around a model: it may change what the model is sent and what comes back. The
/// card runs a model bare (pre-mitigation) and wrapped (post-mitigation); a mitigation's name and version are
/// part of the run's identity, so runs with and without it never share a run id or a cache entry.
public protocol Mitigation: Sendable {
    /// `safety-spec`, `hierarchy-guard`, …
    var name: String { get }
    /// Bumped when what it sends or keeps changes; with a user's file, includes the file's digest.
    var version: String { get }
    /// The messages to send instead of `messages`.
    func prepare(_ messages: [ChatMessage]) -> [ChatMessage]
    /// The answer to keep instead of `response` (only the final answer is graded).
    func review(_ response: ModelResponse) -> ModelResponse
}

extension Mitigation {
    /// `safety-spec@1`.
    public var identity: String { "\(name)@\(version)" }

    /// Sends everything unchanged.
    public func prepare(_ messages: [ChatMessage]) -> [ChatMessage] { messages }
    /// Keeps the answer unchanged.
    public func review(_ response: ModelResponse) -> ModelResponse { response }
}

/// A model role with mitigations around it, applied in order on the way in and in reverse on the way out.
struct MitigatedModelRole: ModelRole {
    let base: any ModelRole
    let mitigations: [any Mitigation]

    var name: String { base.name }
    var identity: ModelIdentity { base.identity }
    var settings: GenerationSettings { base.settings }

    func generate(
        _ messages: [ChatMessage], tools: [ToolDefinition], toolChoice: ToolChoice?, settings: GenerationSettings?
    ) async throws -> ModelResponse {
        let prepared = mitigations.reduce(messages) { $1.prepare($0) }
        let response = try await base.generate(prepared, tools: tools, toolChoice: toolChoice, settings: settings)
        return mitigations.reversed().reduce(response) { $1.review($0) }
    }
}
