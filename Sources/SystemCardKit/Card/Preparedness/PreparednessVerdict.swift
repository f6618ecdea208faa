/// What the post-mitigation levels allow: deployment (every category Medium or below) and further
/// development (every category High or below).
public struct PreparednessVerdict: Sendable, Hashable, Codable {
    enum Decision: String, Sendable, Hashable, Codable {
        case allowed
        case notAllowed = "not_allowed"
        /// Some category was not assessed (or only partly), and none already rules it out.
        case incomplete
    }

    var deployment: Decision
    var development: Decision
    /// One sentence a reader can quote.
    public var summary: String
    /// The overrides the verdict used, as `category (stage): level by reviewer`.
    var overridesUsed: [String]

    init(deployment: Decision, development: Decision, summary: String, overridesUsed: [String] = []) {
        self.deployment = deployment
        self.development = development
        self.summary = summary
        self.overridesUsed = overridesUsed
    }

    /// The verdict for post-mitigation assessments.
    static func decide(_ post: [CategoryScore], useOverrides: Bool = true) -> PreparednessVerdict {
        func level(_ assessment: CategoryAssessment) -> RiskLevel? {
            useOverrides ? assessment.level : assessment.computed
        }
        let missing = post.filter { level($0.post) == nil }.map { $0.category.title }
        let partial = post.filter {
            level($0.post) != nil && $0.post.incomplete && !(useOverrides && $0.post.override != nil)
        }
        .map { $0.category.title }
        let highest = post.compactMap { level($0.post) }.max()
        let complete = missing.isEmpty && partial.isEmpty
        func decision(limit: RiskLevel) -> Decision {
            if let highest, highest > limit { return .notAllowed }
            return complete ? .allowed : .incomplete
        }
        let deployment = decision(limit: .medium)
        let development = decision(limit: .high)
        var sentences: [String] = []
        switch deployment {
        case .allowed: sentences.append("Deployable: every post-mitigation category is Medium or below.")
        case .notAllowed:
            let above = post.filter { (level($0.post) ?? .low) > .medium }.map {
                "\($0.category.title) \(level($0.post)!.title)"
            }
            sentences.append("Not deployable: post-mitigation \(above.joined(separator: ", ")) (above Medium).")
        case .incomplete: sentences.append("Deployment cannot be decided: the scorecard is incomplete.")
        }
        switch development {
        case .allowed: sentences.append("Further development allowed: every category is High or below.")
        case .notAllowed: sentences.append("Further development not allowed: a category is Critical.")
        case .incomplete: sentences.append("Further development cannot be decided either.")
        }
        if !missing.isEmpty { sentences.append("Not assessed: \(missing.joined(separator: ", ")).") }
        if !partial.isEmpty {
            sentences.append("Partly assessed (indicators not run): \(partial.joined(separator: ", ")).")
        }
        let overrides =
            useOverrides
            ? post.compactMap { score in
                score.post.override.map { "\(score.category.title) (post): \($0.level.title) by \($0.reviewer)" }
            } : []
        if !overrides.isEmpty { sentences.append("Uses reviewer overrides: \(overrides.joined(separator: "; ")).") }
        return PreparednessVerdict(
            deployment: deployment, development: development, summary: sentences.joined(separator: " "),
            overridesUsed: overrides)
    }
}
