/// One chat completion request as the engine sees it.
public struct ModelRequest: Sendable, Hashable, Codable {
    /// The conversation to send, in order.
    public var messages: [ChatMessage]
    /// The sampling settings sent with it.
    public var settings: GenerationSettings
    /// Tools the model may call (none: a plain chat request).
    public var tools: [ToolDefinition]
    /// Whether it may, must or must not call them (nil: the endpoint's default).
    public var toolChoice: ToolChoice?

    /// Creates a request; by default with no sampling settings (the endpoint's defaults) and no tools.
    public init(
        messages: [ChatMessage], settings: GenerationSettings = .init(), tools: [ToolDefinition] = [],
        toolChoice: ToolChoice? = nil
    ) {
        self.messages = messages
        self.settings = settings
        self.tools = tools
        self.toolChoice = toolChoice
    }
}
