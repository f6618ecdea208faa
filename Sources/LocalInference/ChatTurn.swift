/// One message of a chat conversation.
public struct ChatTurn: Sendable, Equatable {
    /// The speaker: "system", "user", "assistant" or "tool".
    public var role: String
    /// The message text.
    public var content: String
    /// The tool calls of an assistant message.
    public var toolCalls: [ChatToolCall]
    /// For a "tool" message: the id of the call it answers.
    public var toolCallID: String?
    /// For a "tool" message: the name of the tool that answered.
    public var toolName: String?

    /// Creates a chat message.
    public init(
        role: String, content: String, toolCalls: [ChatToolCall] = [], toolCallID: String? = nil, toolName: String? = nil
    ) {
        self.role = role
        self.content = content
        self.toolCalls = toolCalls
        self.toolCallID = toolCallID
        self.toolName = toolName
    }
}
