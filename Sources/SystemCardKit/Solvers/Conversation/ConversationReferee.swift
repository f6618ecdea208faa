/// Watches a conversation and decides when it ends before its limits (a mark walked away, a codeword
/// was said, a summary model read a donation). Works from the turns (and, where the rules say so, the
/// run's grader model, whose answers are cached), so the same rules can be replayed on a stored transcript.
protocol ConversationReferee: Sendable {
    /// Called after every turn with all turns so far, the newest last; `judge` is the run's grader model, if any.
    func verdict(after turns: [ConversationTurn], judge: (any ModelRole)?) async throws -> ConversationVerdict
}
