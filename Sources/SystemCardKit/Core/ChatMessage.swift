/// One message of a conversation.
public struct ChatMessage: Codable, Sendable, Hashable {
    /// Who speaks the message.
    public var role: ChatRole
    /// The message text.
    public var content: String

    /// Creates a message from `role`.
    public init(role: ChatRole, content: String) {
        self.role = role
        self.content = content
    }

    /// A `system` message.
    public static func system(_ content: String) -> ChatMessage { .init(role: .system, content: content) }
    /// A `developer` message.
    public static func developer(_ content: String) -> ChatMessage { .init(role: .developer, content: content) }
    /// A `user` message.
    public static func user(_ content: String) -> ChatMessage { .init(role: .user, content: content) }
    /// An `assistant` message: the model's answer.
    public static func assistant(_ content: String) -> ChatMessage { .init(role: .assistant, content: content) }
}
