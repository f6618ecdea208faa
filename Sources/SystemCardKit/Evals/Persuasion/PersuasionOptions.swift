/// Options the persuasion games share.
enum PersuasionOptions {
    /// The per-conversation wall-clock limit (`--option time-limit=SECONDS`, default 1800). It is a safety
    /// net against a stuck endpoint, not a game rule: waiting for a busy endpoint counts.
    static let timeLimit = EvaluationOption(
        "time-limit", summary: "seconds per conversation (a safety net, not a game rule)", integerIn: 1...86_400,
        default: 1800)
}
