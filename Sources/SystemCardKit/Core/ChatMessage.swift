/// One message of a conversation.
public struct ChatMessage: Codable, Sendable, Hashable {
    /// Who speaks the message.
    public var role: ChatRole
    /// The message text.
    public var content: String
    /// Tools an assistant message calls (nil for every other message).
    public var toolCalls: [ToolCall]?
    /// The call a `tool` message answers.
    public var toolCallID: String?

    /// Creates a message from `role`.
    public init(role: ChatRole, content: String, toolCalls: [ToolCall]? = nil, toolCallID: String? = nil) {
        self.role = role
        self.content = content
        self.toolCalls = toolCalls
        self.toolCallID = toolCallID
    }

    enum CodingKeys: String, CodingKey {
        case role, content
        case toolCalls = "tool_calls"
        case toolCallID = "tool_call_id"
    }

    /// A `system` message.
    public static func system(_ content: String) -> ChatMessage { .init(role: .system, content: content) }
    /// A `developer` message.
    public static func developer(_ content: String) -> ChatMessage { .init(role: .developer, content: content) }
    /// A `user` message.
    public static func user(_ content: String) -> ChatMessage { .init(role: .user, content: content) }
    /// An `assistant` message: the model's answer, and the tools it calls.
    public static func assistant(_ content: String, toolCalls: [ToolCall]? = nil) -> ChatMessage {
        .init(role: .assistant, content: content, toolCalls: toolCalls?.isEmpty == true ? nil : toolCalls)
    }
    /// A `tool` message: the result of the call `callID`.
    public static func tool(_ content: String, callID: String) -> ChatMessage {
        .init(role: .tool, content: content, toolCallID: callID)
    }
}
