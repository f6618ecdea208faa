/// A Preparedness risk level, ordered Low < Medium < High < Critical.
enum RiskLevel: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case low
    case medium
    case high
    case critical

    /// `Low`, `Medium`, …
    var title: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }

    private var rank: Int { RiskLevel.allCases.firstIndex(of: self) ?? 0 }

    static func < (lhs: RiskLevel, rhs: RiskLevel) -> Bool { lhs.rank < rhs.rank }
}
