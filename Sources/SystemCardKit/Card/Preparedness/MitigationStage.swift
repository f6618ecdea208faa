/// Whether a model column is the system before or after its safety mitigations (a safety prompt, a guard, …).
public enum MitigationStage: String, Sendable, Hashable, Codable, CaseIterable {
    /// The system before its safety mitigations.
    case pre
    /// The system with its safety mitigations.
    case post

    /// `pre-mitigation` / `post-mitigation`.
    var title: String { "\(rawValue)-mitigation" }
}
