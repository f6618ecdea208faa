/// A category's pre- and post-mitigation assessments side by side.
public struct CategoryScore: Sendable, Hashable, Codable {
    public var category: CardSection
    public var pre: CategoryAssessment
    public var post: CategoryAssessment

    public init(category: CardSection, pre: CategoryAssessment, post: CategoryAssessment) {
        self.category = category
        self.pre = pre
        self.post = post
    }
}
