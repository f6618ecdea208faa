/// A Preparedness risk level, ordered Low < Medium < High < Critical.
public enum RiskLevel: String, Sendable, Hashable, Codable, CodingKeyRepresentable, CaseIterable, Comparable {
    /// Below every threshold.
    case low
    /// The deployment limit: a post-mitigation level above Medium may not be deployed.
    case medium
    /// The development limit: a level above High may not be developed further.
    case high
    /// The highest level.
    case critical

    /// `Low`, `Medium`, …
    var title: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }

    private var rank: Int { RiskLevel.allCases.firstIndex(of: self) ?? 0 }

    /// Less risky first.
    public static func < (lhs: RiskLevel, rhs: RiskLevel) -> Bool { lhs.rank < rhs.rank }
}
