/// How much of each evaluation the card runs when no `--limit` is given.
public enum CardProfile: String, Sendable, Hashable, Codable, CaseIterable {
    /// A few samples per evaluation (``quickLimit``, answers cut at ``quickMaxTokens`` tokens, a fixed shuffle):
    /// minutes on the embedded model, wide confidence intervals. The default when every model is `local/`.
    case quick
    /// Every sample of every evaluation. The default when any model is behind an endpoint.
    case full

    /// Samples per evaluation in the quick profile.
    public static let quickLimit = 10
    /// Answer length in the quick profile (unless `max_tokens` is set).
    public static let quickMaxTokens = 128
    /// In the quick profile, samples are added beyond ``quickLimit`` until every metric row of an evaluation rests
    /// on at least this many, where the data has them (not for agentic evaluations, whose samples are slow).
    public static let quickMinimumPerMetric = 5
    /// Samples of an agentic evaluation (one that runs commands in a sandbox) in the quick profile: each is a
    /// conversation of many calls, which the embedded model answers slowly.
    public static let quickAgentLimit = 3
    /// Messages per agentic sample in the quick profile (unless the config sets `message-limit`): the task,
    /// two tool calls and their results.
    public static let quickAgentMessages = 6

    /// `quick` when every model runs on the embedded engine, else `full`.
    static func defaultProfile(for models: [CardModelConfig]) -> CardProfile {
        !models.isEmpty && models.allSatisfy { $0.spec.provider == .local } ? .quick : .full
    }
}
