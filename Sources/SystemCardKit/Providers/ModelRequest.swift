/// One chat completion request as the engine sees it.
public struct ModelRequest: Sendable, Hashable, Codable {
    /// The conversation to send, in order.
    public var messages: [ChatMessage]
    /// The sampling settings sent with it.
    public var settings: GenerationSettings

    /// Creates a request; by default with no sampling settings (the endpoint's defaults).
    public init(messages: [ChatMessage], settings: GenerationSettings = .init()) {
        self.messages = messages
        self.settings = settings
    }
}
