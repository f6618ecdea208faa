/// Sampling settings sent with every request of a run. `nil` means "the endpoint's default" and is not
/// sent at all.
public struct GenerationSettings: Sendable, Hashable, Codable {
    /// Sampling temperature.
    public var temperature: Double?
    /// The most tokens an answer may have.
    public var maxTokens: Int?
    /// Sampling seed, for endpoints that honour one.
    public var seed: Int?
    /// Passed through as `reasoning_effort` when set (`low`, `medium`, `high`).
    public var reasoningEffort: String?

    /// Creates settings; a setting left nil is not sent.
    public init(temperature: Double? = nil, maxTokens: Int? = nil, seed: Int? = nil, reasoningEffort: String? = nil) {
        self.temperature = temperature
        self.maxTokens = maxTokens
        self.seed = seed
        self.reasoningEffort = reasoningEffort
    }
}
