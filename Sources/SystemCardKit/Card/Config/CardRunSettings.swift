/// Sampling and size settings shared by every run of a card.
public struct CardRunSettings: Sendable, Hashable, Codable {
    /// Sampling temperature sent to every model (nil: the endpoint's default).
    public var temperature: Double?
    /// Answer length in tokens (nil: the endpoint's default, or ``CardProfile/quickMaxTokens`` in the quick
    /// profile).
    public var maxTokens: Int?
    /// Sent to the model and used to shuffle samples before `limit` applies.
    public var seed: Int?
    /// Sent as `reasoning_effort` when set (`low`, `medium`, `high`).
    public var reasoningEffort: String?
    /// Times each sample is run (at least 1); a sample's score is the mean over its epochs.
    public var epochs: Int
    /// Samples per evaluation (nil: the profile decides).
    public var limit: Int?

    /// Creates settings: the endpoints' sampling defaults, one epoch, no seed, and the profile's limit.
    public init(
        temperature: Double? = nil, maxTokens: Int? = nil, seed: Int? = nil, reasoningEffort: String? = nil,
        epochs: Int = 1, limit: Int? = nil
    ) {
        self.temperature = temperature
        self.maxTokens = maxTokens
        self.seed = seed
        self.reasoningEffort = reasoningEffort
        self.epochs = epochs
        self.limit = limit
    }
}
