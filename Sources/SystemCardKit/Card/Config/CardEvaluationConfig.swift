/// One evaluation of the card's suite, with its options.
public struct CardEvaluationConfig: Sendable, Hashable {
    public var name: String
    /// Options as `systemcard eval --option` takes them (`set`, `techniques`, `languages`, …).
    var options: [String: String]
    /// Samples for this evaluation (overrides the card's limit).
    public var limit: Int?
    /// Forces the rules grader (`rules`) or the grader model (`model`); default: the evaluation's preference.
    var grader: GraderChoice?
    /// Models for the evaluation's other roles (e.g. `mark`), by role name.
    public var roles: [String: ModelEndpoint]

    public init(
        name: String, options: [String: String] = [:], limit: Int? = nil, grader: GraderChoice? = nil,
        roles: [String: ModelEndpoint] = [:]
    ) {
        self.name = name
        self.options = options
        self.limit = limit
        self.grader = grader
        self.roles = roles
    }
}
