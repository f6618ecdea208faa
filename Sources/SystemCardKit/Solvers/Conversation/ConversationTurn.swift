/// One message of a conversation: who said it, the full text, and the part the other roles saw.
struct ConversationTurn: Sendable, Hashable, Codable {
    var speaker: String
    /// Exactly what the speaker's model wrote.
    var text: String
    /// `text` without the speaker's hidden parts: what every other role saw.
    var visibleText: String

    init(speaker: String, text: String, visibleText: String) {
        self.speaker = speaker
        self.text = text
        self.visibleText = visibleText
    }
}
