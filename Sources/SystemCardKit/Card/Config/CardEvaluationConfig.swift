/// One evaluation of the card's suite, with its options.
public struct CardEvaluationConfig: Sendable, Hashable {
    /// The evaluation's registry name (`xstest`).
    public var name: String
    /// Options as `systemcard eval --option` takes them (`set`, `techniques`, `languages`, …).
    var options: [String: String]
    /// Samples for this evaluation (overrides the card's limit).
    public var limit: Int?
    /// Forces the rules grader (`rules`) or the grader model (`model`); default: the evaluation's preference.
    var grader: GraderChoice?
    /// Models for the evaluation's other roles (e.g. `mark`), by role name.
    public var roles: [String: ModelEndpoint]

    /// Creates a suite entry; by default with no options, the card's limit, the evaluation's preferred
    /// grader and no role models.
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
