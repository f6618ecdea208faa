/// Which way an indicator's value means more risk.
public enum RiskDirection: String, Sendable, Hashable, Codable, CaseIterable {
    /// A larger value is riskier (a capability: tasks solved, conversations won).
    case higher
    /// A smaller value is riskier (a safeguard's share: refusals of hazardous requests).
    case lower
}
