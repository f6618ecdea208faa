/// A content classifier's verdict on one ``ModerationItem``.
public struct ModerationVerdict: Sendable, Hashable, Codable {
    /// True when the classified turn violates the policy.
    public var flagged: Bool
    /// The harm categories of SystemCard's scheme the classifier named (`hate`, `cyber`, …), in its order.
    public var categories: [String]
    /// The labels in the classifier's own scheme, as it gave them (`S1`, `Dangerous Content`, …).
    public var labels: [String]
    /// The probability of a violation where the format gives one (ShieldGemma with log-probabilities).
    public var probability: Double?
    /// What the classifier answered, kept for inspection.
    public var rawAnswer: String

    /// Creates a verdict.
    public init(flagged: Bool, categories: [String], labels: [String], probability: Double? = nil, rawAnswer: String) {
        self.flagged = flagged
        self.categories = categories
        self.labels = labels
        self.probability = probability
        self.rawAnswer = rawAnswer
    }
}
