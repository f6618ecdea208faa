/// One chat completion request as the engine sees it.
public struct ModelRequest: Sendable, Hashable, Codable {
    public var messages: [ChatMessage]
    public var settings: GenerationSettings

    public init(messages: [ChatMessage], settings: GenerationSettings = .init()) {
        self.messages = messages
        self.settings = settings
    }
}
