import SystemCardKit

/// A model of the arena as a ``ModelRole``: its calls go through the store's call cache.
struct ArenaModelRole: ModelRole {
    let name: String
    let client: ModelClient

    var identity: ModelIdentity { client.provider.identity }
    var settings: GenerationSettings { client.settings }

    func generate(
        _ messages: [ChatMessage], tools: [ToolDefinition], toolChoice: ToolChoice?, settings: GenerationSettings?
    ) async throws -> ModelResponse {
        try await client.generate(messages, tools: tools, toolChoice: toolChoice, settings: settings, epoch: 1)
    }
}
