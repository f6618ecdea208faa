/// What a sample's mitigations did and cost: the calls they made (the content classifier of a filter), their
/// tokens, and what they changed (`output-filter: weapons`). Stored with the sample; nil when the run has none.
public struct MitigationTally: Sendable, Hashable, Codable {
    /// Model calls the mitigations made.
    public var calls: Int
    /// Their tokens.
    public var usage: TokenUsage
    /// What they changed, in order; empty when they let everything through.
    public var actions: [String]
    /// Wall time spent in their calls, in milliseconds (near 0 for answers from the call cache).
    public var milliseconds: Int

    /// Creates a tally.
    public init(calls: Int = 0, usage: TokenUsage = TokenUsage(), actions: [String] = [], milliseconds: Int = 0) {
        self.calls = calls
        self.usage = usage
        self.actions = actions
        self.milliseconds = milliseconds
    }
}
