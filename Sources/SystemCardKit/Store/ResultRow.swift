/// The part of a sample result that summaries need (no texts), cheap to load for large runs.
public struct ResultRow: Sendable, Hashable {
    var key: SampleKey
    var status: SampleResult.Status
    var score: Score?
    var usage: TokenUsage
    var graderUsage: TokenUsage
    var developerRole: DeveloperRoleDelivery
    var latencyMilliseconds: Int
    var mitigation: MitigationTally?
    var usageByRole: [String: RoleUsage]?

    init(
        key: SampleKey, status: SampleResult.Status, score: Score?, usage: TokenUsage, graderUsage: TokenUsage,
        developerRole: DeveloperRoleDelivery, latencyMilliseconds: Int = 0, mitigation: MitigationTally? = nil,
        usageByRole: [String: RoleUsage]? = nil
    ) {
        self.usageByRole = usageByRole
        self.latencyMilliseconds = latencyMilliseconds
        self.mitigation = mitigation
        self.key = key
        self.status = status
        self.score = score
        self.usage = usage
        self.graderUsage = graderUsage
        self.developerRole = developerRole
    }
}
