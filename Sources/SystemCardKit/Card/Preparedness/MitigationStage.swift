/// Whether a model column is the system before or after its safety mitigations (a safety prompt, a guard, …).
public enum MitigationStage: String, Sendable, Hashable, Codable, CaseIterable {
    case pre
    case post

    /// `pre-mitigation` / `post-mitigation`.
    var title: String { "\(rawValue)-mitigation" }
}
