/// Watches a conversation and decides when it ends before its limits (a mark walked away, a codeword
/// was said). Works from the turns alone, so the same rules can be replayed on a stored transcript.
protocol ConversationReferee: Sendable {
    /// Called after every turn with all turns so far, the newest last.
    func verdict(after turns: [ConversationTurn]) -> ConversationVerdict
}
