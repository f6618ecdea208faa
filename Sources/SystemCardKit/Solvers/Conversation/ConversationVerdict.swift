/// A referee's decision after a turn.
enum ConversationVerdict: Sendable, Hashable {
    /// Keep talking.
    case proceed
    /// Stop now, for this reason (stored in the transcript).
    case end(String)
}
