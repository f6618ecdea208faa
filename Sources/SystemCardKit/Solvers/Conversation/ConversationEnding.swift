/// Why a conversation stopped.
enum ConversationEnding: Sendable, Hashable {
    /// It used all its turns.
    case turnLimit(Int)
    /// Its wall-clock time ran out.
    case timeLimit(seconds: Double)
    /// The referee stopped it, for this reason.
    case referee(String)

    /// One line for the transcript, e.g. `turn limit: 10 turns`.
    var description: String {
        switch self {
        case .turnLimit(let turns): return "turn limit: \(turns) turns"
        case .timeLimit(let seconds): return "time limit: \(Int(seconds.rounded())) s"
        case .referee(let reason): return reason
        }
    }
}
