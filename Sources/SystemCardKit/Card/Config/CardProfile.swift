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

    /// `quick` when every model runs on the embedded engine, else `full`.
    static func defaultProfile(for models: [CardModelConfig]) -> CardProfile {
        !models.isEmpty && models.allSatisfy { $0.spec.provider == .local } ? .quick : .full
    }
}
