/// A question put to one role after the conversation has ended (e.g. "which word were you steered
/// towards?"). The role sees the conversation from its side, then the question.
struct ConversationQuestion: Sendable, Hashable {
    /// The role asked.
    var role: String
    var question: String

    init(role: String, question: String) {
        self.role = role
        self.question = question
    }
}
