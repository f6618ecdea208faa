/// A question put to one role after the conversation has ended (e.g. "which word were you steered
/// towards?"). The role sees the conversation from its side, then the question.
public struct ConversationQuestion: Sendable, Hashable {
    /// The role asked.
    public var role: String
    public var question: String

    public init(role: String, question: String) {
        self.role = role
        self.question = question
    }
}
