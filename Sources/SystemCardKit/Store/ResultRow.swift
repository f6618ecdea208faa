/// The part of a sample result that summaries need (no texts), cheap to load for large runs.
public struct ResultRow: Sendable, Hashable {
    public var key: SampleKey
    public var status: SampleResult.Status
    public var score: Score?
    public var usage: TokenUsage
    public var graderUsage: TokenUsage
    public var developerRole: DeveloperRoleDelivery

    public init(
        key: SampleKey, status: SampleResult.Status, score: Score?, usage: TokenUsage, graderUsage: TokenUsage,
        developerRole: DeveloperRoleDelivery
    ) {
        self.key = key
        self.status = status
        self.score = score
        self.usage = usage
        self.graderUsage = graderUsage
        self.developerRole = developerRole
    }
}
