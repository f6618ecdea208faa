/// A question asked after the conversation and the role's answer.
struct ClosingAnswer: Sendable, Hashable {
    var question: String
    /// The answer, as a turn of the role asked.
    var answer: ConversationTurn

    init(question: String, answer: ConversationTurn) {
        self.question = question
        self.answer = answer
    }
}
