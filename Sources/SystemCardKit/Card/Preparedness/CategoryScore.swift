/// A category's pre- and post-mitigation assessments side by side.
public struct CategoryScore: Sendable, Hashable, Codable {
    var category: CardSection
    var pre: CategoryAssessment
    var post: CategoryAssessment

    init(category: CardSection, pre: CategoryAssessment, post: CategoryAssessment) {
        self.category = category
        self.pre = pre
        self.post = post
    }
}
