/// One message of a conversation: who said it, the full text, and the part the other roles saw.
public struct ConversationTurn: Sendable, Hashable, Codable {
    public var speaker: String
    /// Exactly what the speaker's model wrote.
    public var text: String
    /// `text` without the speaker's hidden parts: what every other role saw.
    public var visibleText: String

    public init(speaker: String, text: String, visibleText: String) {
        self.speaker = speaker
        self.text = text
        self.visibleText = visibleText
    }
}
