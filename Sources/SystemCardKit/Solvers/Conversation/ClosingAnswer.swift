/// A question asked after the conversation and the role's answer.
public struct ClosingAnswer: Sendable, Hashable {
    public var question: String
    /// The answer, as a turn of the role asked.
    public var answer: ConversationTurn

    public init(question: String, answer: ConversationTurn) {
        self.question = question
        self.answer = answer
    }
}
