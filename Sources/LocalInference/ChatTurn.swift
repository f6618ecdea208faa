/// One message of a chat conversation.
public struct ChatTurn: Sendable, Equatable {
    /// The speaker: "system", "user" or "assistant".
    public var role: String
    /// The message text.
    public var content: String

    /// Creates a chat message.
    public init(role: String, content: String) {
        self.role = role
        self.content = content
    }
}
