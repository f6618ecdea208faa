/// Sampling settings sent with every request of a run. `nil` means "the endpoint's default" and is not
/// sent at all.
public struct GenerationSettings: Sendable, Hashable, Codable {
    public var temperature: Double?
    public var maxTokens: Int?
    public var seed: Int?
    /// Passed through as `reasoning_effort` when set (`low`, `medium`, `high`).
    public var reasoningEffort: String?

    public init(temperature: Double? = nil, maxTokens: Int? = nil, seed: Int? = nil, reasoningEffort: String? = nil) {
        self.temperature = temperature
        self.maxTokens = maxTokens
        self.seed = seed
        self.reasoningEffort = reasoningEffort
    }
}
