/// Sampling and size settings shared by every run of a card.
public struct CardRunSettings: Sendable, Hashable, Codable {
    public var temperature: Double?
    public var maxTokens: Int?
    /// Sent to the model and used to shuffle samples before `limit` applies.
    public var seed: Int?
    public var reasoningEffort: String?
    public var epochs: Int
    /// Samples per evaluation (nil: the profile decides).
    public var limit: Int?

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
