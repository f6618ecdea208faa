/// Bounds on one conversation. A conversation that reaches either ends normally (the stored transcript
/// says which limit ended it); it is not an error.
struct ConversationLimits: Sendable, Hashable {
    /// The most messages, counting every role's.
    var maxTurns: Int
    /// Wall-clock time for the conversation's turns (closing questions are not counted). A call still
    /// running when the time is up is cancelled and its message dropped.
    var timeLimit: Duration

    init(maxTurns: Int, timeLimit: Duration = .seconds(1800)) {
        self.maxTurns = maxTurns
        self.timeLimit = timeLimit
    }
}
