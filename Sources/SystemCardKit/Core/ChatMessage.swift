/// One message of a conversation.
public struct ChatMessage: Codable, Sendable, Hashable {
    /// Who speaks the message.
    public var role: ChatRole
    /// The message text.
    public var content: String
    /// Tool calls and the answered call's id, boxed: most messages have neither, and a run holds every sample's
    /// messages in memory (one pointer instead of two optionals keeps 10,000 samples within the harness's budget).
    private var tooling: Tooling?

    /// Tools an assistant message calls (nil for every other message).
    public var toolCalls: [ToolCall]? {
        get { tooling?.calls }
        set { tooling = Tooling(calls: newValue, callID: toolCallID) }
    }

    /// The call a `tool` message answers.
    public var toolCallID: String? {
        get { tooling?.callID }
        set { tooling = Tooling(calls: toolCalls, callID: newValue) }
    }

    /// Creates a message from `role`.
    public init(role: ChatRole, content: String, toolCalls: [ToolCall]? = nil, toolCallID: String? = nil) {
        self.role = role
        self.content = content
        self.tooling = Tooling(calls: toolCalls, callID: toolCallID)
    }

    enum CodingKeys: String, CodingKey {
        case role, content
        case toolCalls = "tool_calls"
        case toolCallID = "tool_call_id"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            role: try container.decode(ChatRole.self, forKey: .role),
            content: try container.decode(String.self, forKey: .content),
            toolCalls: try container.decodeIfPresent([ToolCall].self, forKey: .toolCalls),
            toolCallID: try container.decodeIfPresent(String.self, forKey: .toolCallID))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(role, forKey: .role)
        try container.encode(content, forKey: .content)
        try container.encodeIfPresent(toolCalls, forKey: .toolCalls)
        try container.encodeIfPresent(toolCallID, forKey: .toolCallID)
    }

    public static func == (lhs: ChatMessage, rhs: ChatMessage) -> Bool {
        lhs.role == rhs.role && lhs.content == rhs.content && lhs.toolCalls == rhs.toolCalls
            && lhs.toolCallID == rhs.toolCallID
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(role)
        hasher.combine(content)
        hasher.combine(toolCalls)
        hasher.combine(toolCallID)
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

/// The tool parts of a message, immutable and shared between copies.
private final class Tooling: Sendable {
    let calls: [ToolCall]?
    let callID: String?

    /// nil when there is nothing to hold.
    init?(calls: [ToolCall]?, callID: String?) {
        guard calls != nil || callID != nil else { return nil }
        self.calls = calls
        self.callID = callID
    }
}
