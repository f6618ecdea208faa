/// A token's text and its natural-log probability, as an endpoint reports it.
public struct TokenLogprob: Sendable, Hashable, Codable {
    /// The token, decoded to text (it may carry a leading space).
    public var token: String
    /// Its natural-log probability.
    public var logprob: Double

    /// Creates an entry.
    public init(token: String, logprob: Double) {
        self.token = token
        self.logprob = logprob
    }
}
