/// The grader model of a card: used by evaluations that are model-graded. Without one, evaluations use
/// their rules grader where they have one and are otherwise "not run: needs a grader model"; the evaluated
/// model is never used as its own judge.
public struct CardGraderConfig: Sendable, Hashable {
    public var spec: ModelSpec
    public var baseURL: String?
    public var apiKeyEnv: String?

    public init(spec: ModelSpec, baseURL: String? = nil, apiKeyEnv: String? = nil) {
        self.spec = spec
        self.baseURL = baseURL
        self.apiKeyEnv = apiKeyEnv
    }
}
