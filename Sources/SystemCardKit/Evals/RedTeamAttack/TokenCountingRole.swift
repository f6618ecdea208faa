import Synchronization

/// Tokens spent by every call of one attack (target, attacker, judge), for its token budget.
final class TokenCounter: Sendable {
    private let total = Mutex(0)

    func add(_ tokens: Int) { total.withLock { $0 += tokens } }

    var value: Int { total.withLock { $0 } }
}

/// A model role whose calls add their tokens to a counter.
struct TokenCountingRole: ModelRole {
    let base: any ModelRole
    let counter: TokenCounter

    var name: String { base.name }
    var identity: ModelIdentity { base.identity }
    var settings: GenerationSettings { base.settings }

    func generate(
        _ messages: [ChatMessage], tools: [ToolDefinition], toolChoice: ToolChoice?, settings: GenerationSettings?
    ) async throws -> ModelResponse {
        let response = try await base.generate(messages, tools: tools, toolChoice: toolChoice, settings: settings)
        counter.add(response.usage.totalTokens)
        return response
    }
}
